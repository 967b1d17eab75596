import CloudStack
import Pipeline

/// `compute.addresses.insert` [listPublicIpAddresses, associateIpAddress (`ipaddress` when `address` is given),
/// createTags]: a CloudStack public IP acquired where `addressPlacement` says, named by a tag. The operation is
/// the associateIpAddress job's, answered once the tagging job is done, so the address exists (RESERVED) then.
enum AddressesInsert: GCEMethod {
    static let id = "compute.addresses.insert"
    static let httpMethod = HTTPMethod.post
    static let path = "projects/{project}/regions/{region}/addresses"

    /// The region and the `Address` body.
    struct Input: Sendable {
        let region: String
        let body: AddressBody
    }

    static func decode(_ request: MethodRequest) throws(GCEError) -> Input {
        Input(region: try request.name("region"), body: try AddressBody(request))
    }

    static func call(_ input: Input, in context: MethodCall) async throws -> Operation {
        let region = try await context.region(input.region)
        let body = input.body
        let existing = try await context.addresses()
        if existing.contains(where: { $0.name == body.name }) {
            throw GCEError.alreadyExists("projects/\(context.project)/regions/\(region.name)/addresses/\(body.name)")
        }
        if let wanted = body.address, let holder = existing.first(where: { $0.row.ipaddress == wanted }) {
            throw GCEError(
                status: 400, reason: "resourceInUseByAnotherResource",
                message: "Invalid value for field 'resource.address': '\(wanted)' is already reserved as address '\(holder.name)'")
        }
        var parameters = try await context.addressPlacement(field: "resource")
        parameters["ipaddress"] = body.address
        let (id, job) = try await acquire(parameters, address: body.address, in: context)
        var tags: Parameters = ["resourceids": id, "resourcetype": "PublicIpAddress"]
        tags.setTags(body.tags)
        do {
            let receipt = try await context.call(CommandTable.createTags, tags)
            try await context.awaitJob(receipt.jobid)
            // The address is named: the operation names the associateIpAddress job, which listAsyncJobs shows with the
            // address as its instance, so regionOperations.list finds the same operation (NetworkJobOperations).
            return context.started(.addressInsert, job: job, target: id, scope: .region(region.name), targetName: body.name)
        } catch {
            // An unnamed address would be listed as `ip-…` and the client would reserve another: give it back.
            _ = try? await context.call(CommandTable.disassociateIpAddress, ["id": id])
            throw error
        }
    }

    /// associateIpAddress, waited for; an address CloudStack cannot give (outside its ranges or taken by another
    /// account: 533 "Insufficient address capacity") is a 400 naming `resource.address`.
    static func acquire(_ parameters: Parameters, address: String?, in context: MethodCall) async throws(GCEError) -> (
        id: String, job: String
    ) {
        let receipt: AsyncJobReceipt
        do {
            receipt = try await context.call(CommandTable.associateIpAddress, parameters)
            try await context.awaitJob(receipt.jobid)
        } catch {
            guard let address, error.reason == "resourceExhausted" || error.status == 400 else { throw error }
            throw GCEError.invalid(
                "Invalid value for field 'resource.address': '\(address)' is not a free address of this cloud's public IP ranges")
        }
        guard let id = receipt.id else { throw GCEError.backend("associateIpAddress answered no address id") }
        return (id, receipt.jobid)
    }
}
