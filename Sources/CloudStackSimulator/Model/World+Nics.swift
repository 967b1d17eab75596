extension World {
    /// The VM holding NIC `id` and the NIC's index in its list.
    func nicLocation(_ id: String) -> (vm: VirtualMachine, index: Int)? {
        for vm in virtualMachines.all {
            if let index = vm.nics.firstIndex(where: { $0.id == id }) { return (vm, index) }
        }
        return nil
    }

    /// The VM, NIC index and address index of secondary IP `id`.
    func secondaryIPLocation(_ id: String) -> (vm: VirtualMachine, nic: Int, address: Int)? {
        for vm in virtualMachines.all {
            for (nicIndex, nic) in vm.nics.enumerated() {
                if let index = nic.secondaryIPs.firstIndex(where: { $0.id == id }) { return (vm, nicIndex, index) }
            }
        }
        return nil
    }

    /// Whether `address` is held by any NIC (primary or secondary) on network `networkID`.
    func isGuestAddressInUse(_ address: String, networkID: String) -> Bool {
        virtualMachines.all.contains { vm in
            vm.nics.contains { nic in
                nic.networkID == networkID && (nic.ipAddress == address || nic.secondaryIPs.contains { $0.address == address })
            }
        }
    }

    /// The next free guest address on a network (as deploy allocates them), skipping addresses in use.
    mutating func nextFreeGuestAddress(networkID: String) -> String {
        var address = nextGuestAddress(networkID: networkID).ip
        // Bounded: each step takes a fresh host number; a /16 of the simulator has far more than enough.
        for _ in 0..<1024 where isGuestAddressInUse(address, networkID: networkID) {
            address = nextGuestAddress(networkID: networkID).ip
        }
        return address
    }
}
