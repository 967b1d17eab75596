import CloudStack
import Pipeline

/// `compute.disks.aggregatedList` [listZones, listVolumes page by page over every zone; listSnapshots ids=… for disks
/// made from a snapshot].
enum DisksAggregatedList: GCEMethod {
    static let id = "compute.disks.aggregatedList"
    static let httpMethod = HTTPMethod.get
    static let path = "projects/{project}/aggregated/disks"

    static func decode(_ request: MethodRequest) throws(GCEError) -> ListInput { try ListInput(request) }

    static func call(_ input: ListInput, in context: MethodCall) async throws -> AggregatedList<Disk> {
        let zones = try await context.zones()
        if input.options.followsCloudStackOrder {
            // A page costs the CloudStack pages it needs (issue 16), in CloudStack's order over every zone.
            let (items, next) = try await context.walk(
                CommandTable.listVolumes, Parameters(), id: \.id, options: input.options, kind: "compute#diskAggregatedList",
                collection: "aggregated/disks"
            ) { (rows: ArraySlice<Volume>) async throws(GCEError) -> [Scoped<Disk>?] in
                try await context.diskItems(rows, zones: zones)
            }
            return context.aggregatedPage(
                items, zones: zones.map { "zones/\($0.name)" }, nextPageToken: next, kind: "compute#diskAggregatedList",
                itemsKey: "disks", collection: "disks")
        }
        let all = try await context.listAll(CommandTable.listVolumes)
        let items = try await context.diskItems(all[...], zones: zones).compactMap { $0 }
        let scopes = zones.map { zone in
            (scope: "zones/\(zone.name)", items: items.filter { $0.scope == "zones/\(zone.name)" }.map(\.item))
        }
        return try context.aggregated(
            scopes, options: input.options, kind: "compute#diskAggregatedList", itemsKey: "disks", collection: "disks", name: \.name)
    }
}
