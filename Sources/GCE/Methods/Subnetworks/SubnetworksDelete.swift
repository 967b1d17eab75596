import CloudStack
import Pipeline

/// `compute.subnetworks.delete` [listVirtualMachines networkid, deleteNetwork]: a VPC tier; refused while an
/// instance has a NIC on it (`resourceInUseByAnotherResource`), for `default`'s subnetworks and for the one
/// subnetwork of a network of its own (delete the network).
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
        return context.started(
            .subnetworkDelete, job: receipt.jobid, target: networkID, scope: .region(region.name), targetName: member.name)
    }
}
