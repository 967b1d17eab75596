import Pipeline

/// `compute.regions.list` [listRegions, listZones]: the management server's region with all of its zones.
enum RegionsList: GCEMethod {
    static let id = "compute.regions.list"
    static let httpMethod = HTTPMethod.get
    static let path = "projects/{project}/regions"

    static func decode(_ request: MethodRequest) throws(GCEError) -> ListInput { try ListInput(request) }

    static func call(_ input: ListInput, in context: MethodCall) async throws -> ResourceList<Region> {
        let region = try await context.localRegion()
        let zones = try await context.zones().map(\.name)
        return try context.list(
            [Conversions.region(region, zones: zones, links: context.links)], options: input.options, kind: "compute#regionList",
            collection: "regions", name: \.name)
    }
}
