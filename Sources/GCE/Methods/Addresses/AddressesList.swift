import Pipeline

/// `compute.addresses.list` [listRegions, listPublicIpAddresses]: the caller's public IPs (ephemeral ones of access
/// configs left out, as GCE lists only reserved addresses).
enum AddressesList: GCEMethod {
    static let id = "compute.addresses.list"
    static let httpMethod = HTTPMethod.get
    static let path = "projects/{project}/regions/{region}/addresses"

    static func decode(_ request: MethodRequest) throws(GCEError) -> RegionalListInput { try RegionalListInput(request) }

    static func call(_ input: RegionalListInput, in context: MethodCall) async throws -> ResourceList<Address> {
        let region = try await context.region(input.region)
        let items = try await context.addressViews(context.addresses(), region: region.name)
        return try context.list(
            items, options: input.options, kind: "compute#addressList", collection: "regions/\(region.name)/addresses",
            name: \.name, created: \.creationTimestamp)
    }
}
