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
        let scopes = try await context.zones().map { zone in
            let named = (byZone[zone.row.id ?? ""] ?? []).namedDisks()
            return (scope: "zones/\(zone.name)", items: named.map { Conversions.disk($0, zone: zone.name, links: context.links) })
        }
        return try context.aggregated(
            scopes, options: input.options, kind: "compute#diskAggregatedList", itemsKey: "disks", collection: "disks", name: \.name)
    }
}
