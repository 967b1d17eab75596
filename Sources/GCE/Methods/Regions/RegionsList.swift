/// `compute.regions.list` [listRegions, listZones]: the management server's region with all of its zones.
enum RegionsList {
    static let method = Method("compute.regions.list", .get, "projects/{project}/regions") { call in
        let region = try await call.localRegion()
        let zones = try await call.zones().map(\.name)
        return try call.list(
            [Conversions.region(region, zones: zones, links: call.links)], kind: "compute#regionList",
            collection: "regions", name: \.name)
    }
}
