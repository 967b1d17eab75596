import CloudStack
import Pipeline

/// `compute.subnetworks.delete` [listVirtualMachines networkid, deleteNetwork, awaited]: a VPC tier; refused while an
/// instance has a NIC on it (`resourceInUseByAnotherResource`), for `default`'s subnetworks and for the one
/// subnetwork of a network of its own (delete the network). A deleted instance CloudStack has not expunged yet
/// still holds its NIC, but CloudStack 4.18 hides it from its owner (`allow.user.view.destroyed.vm` is false by
/// default), so the job is awaited and its failure answered as the same 400 instead of a failed operation.
enum SubnetworksDelete: GCEMethod {
    static let id = "compute.subnetworks.delete"
    static let httpMethod = HTTPMethod.delete
    static let path = "projects/{project}/regions/{region}/subnetworks/{subnetwork}"

    static func decode(_ request: MethodRequest) throws(GCEError) -> RegionalResourceInput {
        try RegionalResourceInput(request, "subnetwork")
    }

    static func call(_ input: RegionalResourceInput, in context: MethodCall) async throws -> Operation {
        let region = try await context.region(input.region)
        let map = try await context.networkMap()
        let path = "projects/\(context.project)/regions/\(region.name)/subnetworks/\(input.name)"
        guard let member = map.subnetwork(input.name), let networkID = member.row.id else { throw GCEError.notFound(path) }
        guard member.row.vpcid != nil else {
            throw GCEError.invalid(
                "Invalid value for field 'subnetwork': subnetwork \(member.name) is "
                    + (member.network == "default"
                        ? "a CloudStack zone's shared network, which cannot be deleted"
                        : "CloudStack guest network \(member.name) itself: delete network \(member.network) instead"))
        }
        try await context.checkNoInstances(on: networkID, resource: "subnetwork resource '\(path)'")
        let receipt = try await context.call(CommandTable.deleteNetwork, ["id": networkID])
        do {
            _ = try await context.client.awaitJob(receipt.jobid, as: context.credentials)
        } catch .jobFailed(let failure) {
            throw GCEError(
                status: 400, reason: "resourceInUseByAnotherResource",
                message: "The subnetwork resource '\(path)' is already being used by an instance CloudStack has not expunged "
                    + "yet (a deleted instance keeps its NIC until expunge.delay passes; CloudStack: \(failure.errortext)): retry "
                    + "once it has")
        } catch {
            throw GCEError(error)
        }
        return context.started(
            .subnetworkDelete, job: receipt.jobid, target: networkID, scope: .region(region.name), targetName: member.name)
    }
}
