import JSON

extension AffinityGroupCommands {
    /// updateVMAffinityGroup: replaces a stopped VM's affinity groups (AffinityGroupServiceImpl
    /// .updateVMAffinityGroups refuses any other state); async, job result the VM.
    static let update = Command(
        "updateVMAffinityGroup", async: true, required: ["id"], accepts: ["affinitygroupids", "affinitygroupnames"]
    ) { world, call, w in
        let vm = try VirtualMachineCommands.owned(world, call)
        let owner = try call.owner(in: world)
        guard vm.state == "Stopped" else {
            throw APIError.invalid(
                "Unable to update affinity groups of the virtual machine \(vm.name); make sure the virtual machine is stopped and not in an error state before updating."
            )
        }
        if call.list("affinitygroupids") == nil && call.list("affinitygroupnames") == nil {
            throw APIError.invalid("Either affinitygroupids or affinitygroupnames must be specified")
        }
        let groups = try VirtualMachineCommands.deployAffinityGroups(call, world: world, owner: owner)
        let id = vm.id
        for group in world.affinityGroups.all {
            let member = group.virtualMachineIDs.contains(id)
            if member && !groups.contains(group.id) { world.affinityGroups[group.id]?.virtualMachineIDs.removeAll { $0 == id } }
            if !member && groups.contains(group.id) { world.affinityGroups[group.id]?.virtualMachineIDs.append(id) }
        }
        let jobID = call.startJob(&world, into: &w, instanceType: "VirtualMachine", instanceID: id) { world, _ in
            guard let current = world.virtualMachines[id] else { throw APIError.internalError("VM \(id) is gone") }
            return jobResult("virtualmachine") { world.writeVirtualMachine(current, into: &$0) }
        }
        world.virtualMachines[id]?.pendingJobID = jobID
    }
}
