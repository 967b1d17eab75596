/// `compute.instances.aggregatedList` [listZones, listVirtualMachines, listVolumes: three calls for any number of zones].
enum InstancesAggregatedList {
    static let method = Method("compute.instances.aggregatedList", .get, "projects/{project}/aggregated/instances") { call in
        let scopes = try await call.instancesByZone(try await call.zones())
        return try call.aggregated(
            scopes, kind: "compute#instanceAggregatedList", itemsKey: "instances", collection: "instances",
            name: \.name)
    }
}
