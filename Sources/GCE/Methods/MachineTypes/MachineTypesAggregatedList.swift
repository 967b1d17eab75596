/// `compute.machineTypes.aggregatedList` [listZones, then listServiceOfferings per zone].
enum MachineTypesAggregatedList {
    static let method = Method("compute.machineTypes.aggregatedList", .get, "projects/{project}/aggregated/machineTypes") { call in
        var scopes: [(scope: String, items: [MachineType])] = []
        for zone in try await call.zones() {
            let types = try await call.offerings(zoneID: zone.row.id).filter { $0.row.cpunumber != nil }
                .map { Conversions.machineType($0, zone: zone.name, links: call.links) }
            scopes.append(("zones/\(zone.name)", types))
        }
        return try call.aggregated(
            scopes, kind: "compute#machineTypeAggregatedList", itemsKey: "machineTypes",
            collection: "machineTypes", name: \.name)
    }
}
