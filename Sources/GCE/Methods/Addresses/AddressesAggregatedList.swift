import Pipeline

/// `compute.addresses.aggregatedList` [listRegions, listPublicIpAddresses]: one scope, the local region.
enum AddressesAggregatedList: GCEMethod {
    static let id = "compute.addresses.aggregatedList"
    static let httpMethod = HTTPMethod.get
    static let path = "projects/{project}/aggregated/addresses"

    static func decode(_ request: MethodRequest) throws(GCEError) -> ListInput { try ListInput(request) }

    static func call(_ input: ListInput, in context: MethodCall) async throws -> AggregatedList<Address> {
        let region = try await context.localRegion()
        let items = try await context.addressViews(context.addresses(), region: region.name)
        return try context.aggregated(
            [(scope: "regions/\(region.name)", items: items)], options: input.options, kind: "compute#addressAggregatedList",
            itemsKey: "addresses", collection: "addresses", name: \.name)
    }
}
