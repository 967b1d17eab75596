import CloudStack

/// `compute.instances.setMachineType` [changeServiceForVirtualMachine]: the instance must be stopped.
enum InstancesSetMachineType {
    /// `changeServiceForVirtualMachine` (synchronous; not in the shared command table yet).
    static let changeService = ObjectCommand<VirtualMachine>("changeServiceForVirtualMachine", object: "virtualmachine")

    static let method = Method(
        "compute.instances.setMachineType", .post,
        "projects/{project}/zones/{zone}/instances/{instance}/setMachineType"
    ) { call in
        let zone = try await call.zone()
        let vm = try await call.instance(in: zone)
        guard Conversions.status(vm.row.state) == "TERMINATED" else {
            throw GCEError.invalid(
                "The resource 'projects/\(call.project)/zones/\(zone.name)/instances/\(vm.name)' is not ready: the instance must be stopped"
            )
        }
        let body = try BodyValue.parse(call.body)
        guard let machineType = body["machineType"]?.string else { throw GCEError.required("machineType") }
        let offering = try await call.offering(for: machineType, zone: zone)
        var parameters: Parameters = ["id": vm.row.id ?? "", "serviceofferingid": offering.id]
        if !offering.details.isEmpty { parameters.setMap("details", [offering.details.map { (field: $0.0, value: $0.1) }]) }
        _ = try await call.call(changeService, parameters)
        return call.done(.setMachineType, target: vm.row.id ?? "", scope: .zone(zone.name), targetName: vm.name).json
    }
}
