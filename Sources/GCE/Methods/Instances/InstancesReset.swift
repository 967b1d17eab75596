import CloudStack

/// `compute.instances.reset` [rebootVirtualMachine]: CloudStack reboots; GCE resets (a hard reset). The guest sees a reboot either way.
enum InstancesReset {
    static let method = Method("compute.instances.reset", .post, "projects/{project}/zones/{zone}/instances/{instance}/reset") { call in
        let zone = try await call.zone()
        let vm = try await call.instance(in: zone)
        let receipt = try await call.call(CommandTable.rebootVirtualMachine, ["id": vm.row.id ?? ""])
        return call.started(.reset, job: receipt.jobid, target: vm.row.id ?? "", scope: .zone(zone.name), targetName: vm.name).json
    }
}
