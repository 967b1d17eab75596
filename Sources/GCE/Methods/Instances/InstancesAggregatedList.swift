/// `compute.instances.aggregatedList` [listZones, then listVirtualMachines and listVolumes per zone].
enum InstancesAggregatedList {
    static let method = Method("compute.instances.aggregatedList", .get, "projects/{project}/aggregated/instances") { call in
        var scopes: [(scope: String, items: [Instance])] = []
        for zone in try await call.zones() {
            scopes.append(("zones/\(zone.name)", try await call.instances(in: zone)))
        }
        return try call.aggregated(
            scopes, kind: "compute#instanceAggregatedList", itemsKey: "instances", collection: "instances",
            name: \.name)
    }
}
