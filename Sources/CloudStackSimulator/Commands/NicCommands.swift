import JSON

/// listNics, addIpToNic, removeIpFromNic, addNicToVirtualMachine and removeNicFromVirtualMachine, as
/// CloudStack 4.18 answers them for a user: the NIC commands are async (addIpToNic is an async create:
/// `{id, jobid}` with the secondary IP's id), and a VM's NICs and secondary IPs are listed in its `nic`.
enum NicCommands {
    static let all: [Command] = [list, addIP, removeIP, addNic, removeNic]

    static let list = Command(
        "listNics", required: ["virtualmachineid"], accepts: ["fordisplay", "keyword", "networkid", "nicid", "page", "pagesize"]
    ) { world, call, w in
        let vm = try VirtualMachineCommands.owned(world, call, "virtualmachineid")
        let query = try ListQuery(call, world: world)
        let nicID = call.string("nicid"), networkID = call.string("networkid")
        let nics = vm.nics.filter { nic in
            if let nicID, nic.id != nicID { return false }
            if let networkID, nic.networkID != networkID { return false }
            return true
        }
        query.write(nics, item: "nic", into: &w) { nic, w in world.writeNic(nic, vm: vm, into: &w) }
    }

    /// addIpToNic: a secondary address on the NIC's network, the one asked for (inside the network's
    /// CIDR and free there) or the next free one.
    static let addIP = Command("addIpToNic", async: true, required: ["nicid"], accepts: ["ipaddress"]) { world, call, w in
        let nicID = try call.required("nicid")
        guard let (vm, index) = world.nicLocation(nicID) else { throw APIError.invalidUUID(call.name, "nicid", nicID) }
        try call.checkAccess(vm.accountID, resource: "VM instance {\"uuid\":\"\(vm.id)\"}")
        let nic = vm.nics[index]
        guard let network = world.networks[nic.networkID] else { throw APIError.internalError("Network \(nic.networkID) is gone") }
        let address: String
        if let requested = call.string("ipaddress") {
            guard CIDR.isValidAddress(requested) else { throw APIError.invalid("Invalid ip address \(requested)") }
            guard CIDR.overlaps(requested + "/32", network.cidr) else {
                throw APIError.invalid("Invalid ip address \(requested): it is not in the network \(network.name) cidr \(network.cidr)")
            }
            guard !world.isGuestAddressInUse(requested, networkID: network.id), requested != network.gateway else {
                throw APIError.invalid("Unable to allocate ip address \(requested) on network \(network.name): it is already in use")
            }
            address = requested
        } else {
            address = world.nextFreeGuestAddress(networkID: network.id)
        }
        let id = world.ids.next()
        world.virtualMachines[vm.id]?.nics[index].secondaryIPs.append(Nic.SecondaryIP(id: id, address: address))
        let vmID = vm.id, networkID = network.id
        _ = call.startJob(&world, into: &w, instanceType: "Nic", instanceID: nicID, createdID: id) { _, _ in
            jobResult("nicsecondaryip") { w in
                w.beginObject()
                w.member("id", id)
                w.member("ipaddress", address)
                w.member("nicid", nicID)
                w.member("networkid", networkID)
                w.member("virtualmachineid", vmID)
                w.endObject()
            }
        }
    }

    static let removeIP = Command("removeIpFromNic", async: true, required: ["id"]) { world, call, w in
        let id = try call.required("id")
        guard let (vm, nic, _) = world.secondaryIPLocation(id) else { throw APIError.invalidUUID(call.name, "id", id) }
        try call.checkAccess(vm.accountID, resource: "VM instance {\"uuid\":\"\(vm.id)\"}")
        let vmID = vm.id
        _ = call.startJob(&world, into: &w, instanceType: "Nic", instanceID: vm.nics[nic].id) { world, _ in
            world.virtualMachines[vmID]?.nics[nic].secondaryIPs.removeAll { $0.id == id }
            return AsyncJobBody.success
        }
    }

    /// addNicToVirtualMachine: a NIC on another network of the VM's zone, one per network.
    static let addNic = Command(
        "addNicToVirtualMachine", async: true, required: ["networkid", "virtualmachineid"],
        accepts: ["dhcpoptions", "ipaddress", "macaddress"]
    ) { world, call, w in
        let vm = try VirtualMachineCommands.owned(world, call, "virtualmachineid")
        let network = try call.requiredEntity(world.networks, "networkid")
        if let owner = network.accountID { try call.checkAccess(owner, resource: "Network \(network.id)") }
        guard network.zoneID == vm.zoneID else {
            throw APIError.invalid("Network id=\(network.id) doesn't belong to zone \(vm.zoneID)")
        }
        if vm.nics.contains(where: { $0.networkID == network.id }) {
            throw APIError.invalid("A NIC already exists for VM:\(vm.name) in network: \(network.id)")
        }
        let address: String
        if let requested = call.string("ipaddress") {
            guard CIDR.isValidAddress(requested), CIDR.overlaps(requested + "/32", network.cidr),
                !world.isGuestAddressInUse(requested, networkID: network.id)
            else { throw APIError.invalid("Unable to allocate ip address \(requested) on network \(network.name)") }
            address = requested
        } else {
            address = world.nextFreeGuestAddress(networkID: network.id)
        }
        let device = (vm.nics.map(\.deviceID).max() ?? -1) + 1
        let nic = Nic(
            id: world.ids.next(), networkID: network.id, ipAddress: address, netmask: network.netmask, gateway: network.gateway,
            macAddress: call.string("macaddress") ?? world.nextMAC(), isDefault: false, deviceID: device)
        world.virtualMachines[vm.id]?.nics.append(nic)
        let id = vm.id
        let jobID = call.startJob(&world, into: &w, instanceType: "VirtualMachine", instanceID: id) { world, _ in
            guard let current = world.virtualMachines[id] else { throw APIError.internalError("VM \(id) is gone") }
            return jobResult("virtualmachine") { world.writeVirtualMachine(current, into: &$0) }
        }
        world.virtualMachines[id]?.pendingJobID = jobID
    }

    /// removeNicFromVirtualMachine: never the default NIC (UserVmManagerImpl.removeNicFromVirtualMachine).
    static let removeNic = Command("removeNicFromVirtualMachine", async: true, required: ["nicid", "virtualmachineid"]) {
        world, call, w in
        let vm = try VirtualMachineCommands.owned(world, call, "virtualmachineid")
        let nicID = try call.required("nicid")
        guard let nic = vm.nics.first(where: { $0.id == nicID }) else { throw APIError.invalidUUID(call.name, "nicid", nicID) }
        if nic.isDefault {
            throw APIError.invalid("Unable to remove nic from VM \(vm.name) in network \(nic.networkID), nic is default.")
        }
        let id = vm.id
        let jobID = call.startJob(&world, into: &w, instanceType: "VirtualMachine", instanceID: id) { world, _ in
            world.virtualMachines[id]?.nics.removeAll { $0.id == nicID }
            guard let current = world.virtualMachines[id] else { throw APIError.internalError("VM \(id) is gone") }
            return jobResult("virtualmachine") { world.writeVirtualMachine(current, into: &$0) }
        }
        world.virtualMachines[id]?.pendingJobID = jobID
    }
}
