import JSON

/// changeServiceForVirtualMachine (stopped VMs) and scaleVirtualMachine (running VMs, as a job).
enum ScaleCommands {
    static let all: [Command] = [changeService, scale]

    /// The sizes a VM gets from an offering: a fixed offering's own, or for a custom one the `details[0].cpuNumber`,
    /// `details[0].memory` (and `details[0].cpuSpeed`, 1000 MHz when not given) the call passes, as CloudStack 4.18's
    /// `UserVmManagerImpl.validateCustomParameters` requires for deployVirtualMachine, changeServiceForVirtualMachine
    /// and scaleVirtualMachine alike; `details` is what the VM then lists.
    static func sizes(_ offering: ServiceOffering, _ call: Call) throws -> (cpu: Int, speed: Int, memory: Int, details: [String: String]) {
        guard offering.isCustomized else {
            return (offering.cpuNumber ?? 0, offering.cpuSpeed ?? 0, offering.memory ?? 0, [:])
        }
        let details = call.map("details").first ?? [:]
        guard let cpu = details["cpunumber"].flatMap({ Int($0) }), let memory = details["memory"].flatMap({ Int($0) }) else {
            throw APIError.invalid("Need to specify custom parameter values cpu, cpu speed and memory when using custom offering")
        }
        guard cpu >= 1 else { throw APIError.invalid("Invalid cpu cores value, specify a value between 1 and 2147483647") }
        guard memory >= 32 else { throw APIError.invalid("Invalid memory value, specify a value between 32 and 2147483647 MB") }
        let speed = offering.cpuSpeed ?? details["cpuspeed"].flatMap { Int($0) } ?? 1000
        guard speed >= 1 else { throw APIError.invalid("Invalid cpu speed value, specify a value between 1 and 2147483647") }
        return (cpu, speed, memory, ["cpuNumber": String(cpu), "cpuSpeed": String(speed), "memory": String(memory)])
    }

    static func apply(
        _ offering: ServiceOffering, sizes: (cpu: Int, speed: Int, memory: Int, details: [String: String]), to vm: inout VirtualMachine
    ) {
        vm.serviceOfferingID = offering.id
        vm.cpuNumber = sizes.cpu
        vm.cpuSpeed = sizes.speed
        vm.memory = sizes.memory
        vm.details = sizes.details
    }

    static let changeService = Command(
        "changeServiceForVirtualMachine", required: ["id", "serviceofferingid"],
        accepts: [
            "automigrate", "details", "maxiops", "miniops", "shrinkok",
        ]
    ) { world, call, w in
        var vm = try VirtualMachineCommands.owned(world, call)
        let offering = try call.requiredEntity(world.serviceOfferings, "serviceofferingid")
        let sizes = try sizes(offering, call)
        guard vm.state == "Stopped" else {
            throw APIError.invalid("Unable to upgrade VM instance \(vm.id) in state \(vm.state); make sure the virtual machine is stopped")
        }
        apply(offering, sizes: sizes, to: &vm)
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
        let offering = try call.requiredEntity(world.serviceOfferings, "serviceofferingid")
        let sizes = try sizes(offering, call)
        guard vm.state == "Running" || vm.state == "Stopped" else {
            throw APIError.invalid("Unable to scale VM instance \(vm.id) in state \(vm.state)")
        }
        let id = vm.id
        _ = call.startJob(&world, into: &w, instanceType: "VirtualMachine", instanceID: id) { world, _ in
            guard var current = world.virtualMachines[id] else { throw APIError.internalError("VM \(id) is gone") }
            apply(offering, sizes: sizes, to: &current)
            world.virtualMachines[id] = current
            return AsyncJobBody.success
        }
    }
}
