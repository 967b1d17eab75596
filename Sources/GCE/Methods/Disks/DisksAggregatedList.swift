import CloudStack
import Pipeline

/// `compute.disks.aggregatedList` [listZones, listVolumes: two calls for any number of zones].
enum DisksAggregatedList: GCEMethod {
    static let id = "compute.disks.aggregatedList"
    static let httpMethod = HTTPMethod.get
    static let path = "projects/{project}/aggregated/disks"

    static func decode(_ request: MethodRequest) throws(GCEError) -> ListInput { try ListInput(request) }

    static func call(_ input: ListInput, in context: MethodCall) async throws -> AggregatedList<Disk> {
        var byZone: [String: [Volume]] = [:]
        for volume in try await context.listAll(CommandTable.listVolumes) { byZone[volume.zoneid ?? "", default: []].append(volume) }
        let zones = try await context.zones()
        let named = zones.map { (byZone[$0.row.id ?? ""] ?? []).namedDisks() }
        let snapshots = try await context.sourceSnapshotNames(of: named.flatMap { $0 })
        let scopes = zip(zones, named).map { zone, disks in
            (
                scope: "zones/\(zone.name)",
                items: disks.map { Conversions.disk($0, zone: zone.name, links: context.links, snapshotNames: snapshots) }
            )
        }
        return try context.aggregated(
            scopes, options: input.options, kind: "compute#diskAggregatedList", itemsKey: "disks", collection: "disks", name: \.name)
    }
}
