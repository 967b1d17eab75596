import CloudStack
import Pipeline

/// `compute.addresses.delete` [disassociateIpAddress]: an address IN_USE (static NAT to an instance, or a VPC's or
/// network's source NAT) is refused as GCE refuses an address in use; delete the access config first.
enum AddressesDelete: GCEMethod {
    static let id = "compute.addresses.delete"
    static let httpMethod = HTTPMethod.delete
    static let path = "projects/{project}/regions/{region}/addresses/{address}"

    static func decode(_ request: MethodRequest) throws(GCEError) -> RegionalResourceInput { try RegionalResourceInput(request, "address") }

    static func call(_ input: RegionalResourceInput, in context: MethodCall) async throws -> Operation {
        let region = try await context.region(input.region)
        let address = try await context.address(input.name, region: region.name)
        let path = "projects/\(context.project)/regions/\(region.name)/addresses/\(address.name)"
        if address.row.issourcenat == true {
            throw GCEError(
                status: 400, reason: "resourceInUseByAnotherResource",
                message:
                    "The address resource '\(path)' is the source NAT address of CloudStack network or VPC '\(address.row.associatednetworkname ?? address.row.vpcname ?? "")'"
            )
        }
        if address.row.virtualmachineid != nil {
            let user = try await context.addressViews([address], region: region.name)[0].users.first ?? "an instance"
            throw GCEError(
                status: 400, reason: "resourceInUseByAnotherResource",
                message: "The address resource '\(path)' is already being used by '\(user)'")
        }
        let receipt = try await context.call(CommandTable.disassociateIpAddress, ["id": address.row.id ?? ""])
        return context.started(
            .addressDelete, job: receipt.jobid, target: address.row.id ?? "", scope: .region(region.name), targetName: address.name)
    }
}
