import Pipeline

/// `compute.diskTypes.aggregatedList` [listZones, listDiskOfferings: offerings without a zone apply to every zone], and the boot disk type.
enum DiskTypesAggregatedList: GCEMethod {
    static let id = "compute.diskTypes.aggregatedList"
    static let httpMethod = HTTPMethod.get
    static let path = "projects/{project}/aggregated/diskTypes"

    static func decode(_ request: MethodRequest) throws(GCEError) -> ListInput { try ListInput(request) }

    static func call(_ input: ListInput, in context: MethodCall) async throws -> AggregatedList<DiskType> {
        var scopes: [(scope: String, items: [DiskType])] = []
        for zone in try await context.zones() {
            let offerings = try await context.diskOfferings(zoneID: zone.row.id)
            let types = BootDiskType.withOfferings(offerings, zone: zone.name, links: context.links)
            scopes.append((scope: "zones/\(zone.name)", items: types))
        }
        return try context.aggregated(
            scopes, options: input.options, kind: "compute#diskTypeAggregatedList", itemsKey: "diskTypes", collection: "diskTypes",
            name: \.name)
    }
}
