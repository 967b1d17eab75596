import CloudStack

/// `compute.instances.start` [startVirtualMachine].
enum InstancesStart {
    static let method = Method("compute.instances.start", .post, "projects/{project}/zones/{zone}/instances/{instance}/start") { call in
        let zone = try await call.zone()
        let vm = try await call.instance(in: zone)
        let receipt = try await call.call(CommandTable.startVirtualMachine, ["id": vm.row.id ?? ""])
        return call.started(.start, job: receipt.jobid, target: vm.row.id ?? "", scope: .zone(zone.name), targetName: vm.name).json
    }
}
