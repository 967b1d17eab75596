import Pipeline

/// `compute.zones.get` [listZones, listRegions].
enum ZonesGet: GCEMethod {
    static let id = "compute.zones.get"
    static let httpMethod = HTTPMethod.get
    static let path = "projects/{project}/zones/{zone}"

    static func decode(_ request: MethodRequest) throws(GCEError) -> NamedInput { try NamedInput(request, "zone") }

    static func call(_ input: NamedInput, in context: MethodCall) async throws -> Zone {
        let zone = try await context.zone(input.name)
        let region = try await context.localRegion()
        return Conversions.zone(zone, region: region.name, links: context.links)
    }
}
