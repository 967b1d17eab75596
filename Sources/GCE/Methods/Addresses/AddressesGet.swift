import Pipeline

/// `compute.addresses.get` [listRegions, listPublicIpAddresses; listVirtualMachines when it is IN_USE by one].
enum AddressesGet: GCEMethod {
    static let id = "compute.addresses.get"
    static let httpMethod = HTTPMethod.get
    static let path = "projects/{project}/regions/{region}/addresses/{address}"

    static func decode(_ request: MethodRequest) throws(GCEError) -> RegionalResourceInput { try RegionalResourceInput(request, "address") }

    static func call(_ input: RegionalResourceInput, in context: MethodCall) async throws -> Address {
        let region = try await context.region(input.region)
        let address = try await context.address(input.name, region: region.name)
        return try await context.addressViews([address], region: region.name)[0]
    }
}
