/// `compute.disks.aggregatedList` [listZones, then listVolumes per zone].
enum DisksAggregatedList {
    static let method = Method("compute.disks.aggregatedList", .get, "projects/{project}/aggregated/disks") { call in
        var scopes: [(scope: String, items: [Disk])] = []
        for zone in try await call.zones() {
            let disks = try await call.volumes(zoneID: zone.row.id ?? "").map { Conversions.disk($0, zone: zone.name, links: call.links) }
            scopes.append(("zones/\(zone.name)", disks))
        }
        return try call.aggregated(scopes, kind: "compute#diskAggregatedList", itemsKey: "disks", collection: "disks", name: \.name)
    }
}
