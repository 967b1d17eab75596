import CloudStack

/// `compute.instances.stop` [stopVirtualMachine].
enum InstancesStop {
    static let method = Method("compute.instances.stop", .post, "projects/{project}/zones/{zone}/instances/{instance}/stop") { call in
        let zone = try await call.zone()
        let vm = try await call.instance(in: zone)
        let receipt = try await call.call(CommandTable.stopVirtualMachine, ["id": vm.row.id ?? ""])
        return call.started(.stop, job: receipt.jobid, target: vm.row.id ?? "", scope: .zone(zone.name), targetName: vm.name).json
    }
}
