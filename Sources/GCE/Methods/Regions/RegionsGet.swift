import Pipeline

/// `compute.regions.get` [listRegions, listZones].
enum RegionsGet: GCEMethod {
    static let id = "compute.regions.get"
    static let httpMethod = HTTPMethod.get
    static let path = "projects/{project}/regions/{region}"

    static func decode(_ request: MethodRequest) throws(GCEError) -> NamedInput { try NamedInput(request, "region") }

    static func call(_ input: NamedInput, in context: MethodCall) async throws -> Region {
        let region = try await context.localRegion()
        guard input.name == region.name || input.name == String(ResourceID.of("region/\(region.row.id ?? 0)")) else {
            throw GCEError.notFound("projects/\(context.project)/regions/\(input.name)")
        }
        let zones = try await context.zones().map(\.name)
        return Conversions.region(region, zones: zones, links: context.links)
    }
}
