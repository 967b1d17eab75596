import CloudStack

/// Finds the network interfaces an action names. A CloudStack NIC is listed only on its VM (listNics
/// needs the VM's id), so every look-up reads the caller's VMs: one listVirtualMachines call, whose
/// rows carry each NIC with its secondary IPs.
enum NetworkInterfaceLookup {
    /// The VM and NIC behind `eni-…` (`InvalidNetworkInterfaceID.NotFound` when the caller has none).
    static func require(_ interface: EC2ID, in context: ActionContext) async throws(EC2Error) -> (vm: VirtualMachine, nic: Nic) {
        guard let found = try await find(interface, in: context) else {
            throw EC2Error.notFound(.networkInterface, ids: [interface.description])
        }
        return found
    }

    /// The VM and NIC behind `eni-…`, or nil when the caller has none.
    static func find(_ interface: EC2ID, in context: ActionContext) async throws(EC2Error) -> (vm: VirtualMachine, nic: Nic)? {
        let vms = try await InstanceLookup.virtualMachines(nil, in: context)
        for vm in vms {
            if let nic = vm.nic.first(where: { $0.id == interface.cloudStackUUID }) { return (vm, nic) }
        }
        return nil
    }

    /// The CloudStack ids of every NIC of the caller's VMs.
    static func nicIDs(in context: ActionContext) async throws(EC2Error) -> [String] {
        try await InstanceLookup.virtualMachines(nil, in: context).flatMap { $0.nic.compactMap(\.id) }
    }

    /// `NetworkInterfaceId` parsed and looked up.
    static func require(id: String?, in context: ActionContext) async throws(EC2Error) -> (vm: VirtualMachine, nic: Nic) {
        guard let id else { throw EC2Error.missingParameter("NetworkInterfaceId") }
        return try await require(try EC2ID.parse(id, as: .networkInterface), in: context)
    }

    /// The view of one NIC of `vm`, as DescribeNetworkInterfaces shows it (without Elastic IP ids).
    static func view(of nic: Nic, on vm: VirtualMachine) -> NetworkInterfaceView? {
        NetworkInterfaceMapping.views(vm).first { $0.cloudStackNicID == nic.id }
    }
}
