/// `compute.instances.list` [listVirtualMachines, listVolumes zoneid=…].
enum InstancesList {
    static let method = Method("compute.instances.list", .get, "projects/{project}/zones/{zone}/instances") { call in
        let zone = try await call.zone()
        return try call.list(
            try await call.instances(in: zone), kind: "compute#instanceList",
            collection: "zones/\(zone.name)/instances", name: \.name, created: \.creationTimestamp)
    }
}
