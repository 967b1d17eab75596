import JSON

/// changeServiceForVirtualMachine (stopped VMs) and scaleVirtualMachine (running VMs, as a job).
enum ScaleCommands {
    static let all: [Command] = [changeService, scale]

    /// The offering to move to; customised offerings need sizes the simulator does not take here.
    static func offering(_ world: World, _ call: Call) throws -> ServiceOffering {
        let offering = try call.requiredEntity(world.serviceOfferings, "serviceofferingid")
        guard let cpu = offering.cpuNumber, offering.cpuSpeed != nil, offering.memory != nil, cpu > 0 else {
            throw APIError.invalid("Custom service offerings need cpuNumber, cpuSpeed and memory details, which this command does not take")
        }
        return offering
    }

    static func apply(_ offering: ServiceOffering, to vm: inout VirtualMachine) {
        vm.serviceOfferingID = offering.id
        vm.cpuNumber = offering.cpuNumber ?? vm.cpuNumber
        vm.cpuSpeed = offering.cpuSpeed ?? vm.cpuSpeed
        vm.memory = offering.memory ?? vm.memory
    }

    static let changeService = Command(
        "changeServiceForVirtualMachine", required: ["id", "serviceofferingid"],
        accepts: [
            "automigrate", "details", "maxiops", "miniops", "shrinkok",
        ]
    ) { world, call, w in
        var vm = try VirtualMachineCommands.owned(world, call)
        let offering = try offering(world, call)
        guard vm.state == "Stopped" else {
            throw APIError.invalid("Unable to upgrade VM instance \(vm.id) in state \(vm.state); make sure the virtual machine is stopped")
        }
        apply(offering, to: &vm)
        world.virtualMachines[vm.id] = vm
        w.beginObject()
        w.key("virtualmachine")
        world.writeVirtualMachine(vm, into: &w)
        w.endObject()
    }

    static let scale = Command(
        "scaleVirtualMachine", async: true, required: ["id", "serviceofferingid"],
        accepts: [
            "automigrate", "details", "maxiops", "miniops", "shrinkok",
        ]
    ) { world, call, w in
        let vm = try VirtualMachineCommands.owned(world, call)
        let offering = try offering(world, call)
        guard vm.state == "Running" || vm.state == "Stopped" else {
            throw APIError.invalid("Unable to scale VM instance \(vm.id) in state \(vm.state)")
        }
        let id = vm.id
        _ = call.startJob(&world, into: &w, instanceType: "VirtualMachine", instanceID: id) { world, _ in
            guard var current = world.virtualMachines[id] else { throw APIError.internalError("VM \(id) is gone") }
            apply(offering, to: &current)
            world.virtualMachines[id] = current
            return AsyncJobBody.success
        }
    }
}
