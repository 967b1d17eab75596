import Pipeline

/// `compute.zones.list` [listZones, listRegions].
enum ZonesList: GCEMethod {
    static let id = "compute.zones.list"
    static let httpMethod = HTTPMethod.get
    static let path = "projects/{project}/zones"

    static func decode(_ request: MethodRequest) throws(GCEError) -> ListInput { try ListInput(request) }

    static func call(_ input: ListInput, in context: MethodCall) async throws -> ResourceList<Zone> {
        let region = try await context.localRegion()
        let zones = try await context.zones().map { Conversions.zone($0, region: region.name, links: context.links) }
        return try context.list(zones, options: input.options, kind: "compute#zoneList", collection: "zones", name: \.name)
    }
}
