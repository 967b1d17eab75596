/// `compute.instances.get` [listVirtualMachines, listVolumes].
enum InstancesGet {
    static let method = Method("compute.instances.get", .get, "projects/{project}/zones/{zone}/instances/{instance}") { call in
        let zone = try await call.zone()
        let vm = try await call.instance(in: zone)
        return try await call.instanceView(vm, zone: zone).json
    }
}
