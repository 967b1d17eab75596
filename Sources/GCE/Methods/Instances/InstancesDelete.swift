import CloudStack

/// `compute.instances.delete` [destroyVirtualMachine].
enum InstancesDelete {
    static let method = Method("compute.instances.delete", .delete, "projects/{project}/zones/{zone}/instances/{instance}") { call in
        let zone = try await call.zone()
        let vm = try await call.instance(in: zone)
        let receipt = try await call.call(CommandTable.destroyVirtualMachine, ["id": vm.row.id ?? ""])
        return call.started(.delete, job: receipt.jobid, target: vm.row.id ?? "", scope: .zone(zone.name), targetName: vm.name).json
    }
}
