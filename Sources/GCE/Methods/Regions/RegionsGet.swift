/// `compute.regions.get` [listRegions, listZones].
enum RegionsGet {
    static let method = Method("compute.regions.get", .get, "projects/{project}/regions/{region}") { call in
        let wanted = try call.parameter("region")
        let region = try await call.localRegion()
        guard wanted == region.name || wanted == String(ResourceID.of("region/\(region.row.id ?? 0)")) else {
            throw GCEError.notFound("projects/\(call.project)/regions/\(wanted)")
        }
        let zones = try await call.zones().map(\.name)
        return Conversions.region(region, zones: zones, links: call.links).json
    }
}
