extension World {
    /// The VM holding NIC `id` and the NIC's index in its list.
    func nicLocation(_ id: String) -> (vm: VirtualMachine, index: Int)? {
        virtualMachines.firstValue { vm in vm.nics.firstIndex { $0.id == id } }.map { (vm: $0.row, index: $0.value) }
    }

    /// The VM, NIC index and address index of secondary IP `id`.
    func secondaryIPLocation(_ id: String) -> (vm: VirtualMachine, nic: Int, address: Int)? {
        let found = virtualMachines.firstValue { vm -> (nic: Int, address: Int)? in
            for (nicIndex, nic) in vm.nics.enumerated() {
                if let index = nic.secondaryIPs.firstIndex(where: { $0.id == id }) { return (nicIndex, index) }
            }
            return nil
        }
        return found.map { (vm: $0.row, nic: $0.value.nic, address: $0.value.address) }
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
