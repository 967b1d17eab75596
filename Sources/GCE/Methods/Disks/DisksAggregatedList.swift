import CloudStack

/// `compute.disks.aggregatedList` [listZones, listVolumes: two calls for any number of zones].
enum DisksAggregatedList {
    static let method = Method("compute.disks.aggregatedList", .get, "projects/{project}/aggregated/disks") { call in
        var byZone: [String: [Volume]] = [:]
        for volume in try await call.listAll(CommandTable.listVolumes) { byZone[volume.zoneid ?? "", default: []].append(volume) }
        let scopes = try await call.zones().map { zone in
            let named = (byZone[zone.row.id ?? ""] ?? []).named(id: { $0.id ?? "" }, name: { $0.name ?? "" })
            return (scope: "zones/\(zone.name)", items: named.map { Conversions.disk($0, zone: zone.name, links: call.links) })
        }
        return try call.aggregated(scopes, kind: "compute#diskAggregatedList", itemsKey: "disks", collection: "disks", name: \.name)
    }
}
