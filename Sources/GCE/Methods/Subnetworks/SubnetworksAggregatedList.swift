import Pipeline

/// `compute.subnetworks.aggregatedList` [listRegions, listNetworks]: one scope, the local region.
enum SubnetworksAggregatedList: GCEMethod {
    static let id = "compute.subnetworks.aggregatedList"
    static let httpMethod = HTTPMethod.get
    static let path = "projects/{project}/aggregated/subnetworks"

    static func decode(_ request: MethodRequest) throws(GCEError) -> ListInput {
        try SubnetworkViews.check(request)
        return try ListInput(request)
    }

    static func call(_ input: ListInput, in context: MethodCall) async throws -> AggregatedList<Subnetwork> {
        let region = try await context.localRegion()
        let items = try await context.networkMap().subnetworks(region: region.name, links: context.links)
        return try context.aggregated(
            [(scope: "regions/\(region.name)", items: items)], options: input.options, kind: "compute#subnetworkAggregatedList",
            itemsKey: "subnetworks", collection: "subnetworks", name: \.name)
    }
}
