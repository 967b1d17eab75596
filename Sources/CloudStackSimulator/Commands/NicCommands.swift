import JSON

/// addNicToVirtualMachine, removeNicFromVirtualMachine (UserVmManagerImpl.addNicToVirtualMachine /
/// removeNicFromVirtualMachine): NICs plugged into and out of a VM on its zone's guest networks.
enum NicCommands {
    static let all: [Command] = [add, remove]

    static let add = Command(
        "addNicToVirtualMachine", async: true, required: ["networkid", "virtualmachineid"],
        accepts: ["ipaddress", "macaddress", "dhcpoptions"]
    ) { world, call, w in
        let vm = try VirtualMachineCommands.owned(world, call, "virtualmachineid")
        let network = try call.requiredEntity(world.networks, "networkid")
        if let owner = network.accountID { try call.checkAccess(owner, resource: "Network \(network.id)") }
        guard network.zoneID == vm.zoneID else {
            throw APIError.invalid("Network id=\(network.id) doesn't belong to zone \(vm.zoneID)")
        }
        if vm.nics.contains(where: { $0.networkID == network.id }) {
            throw APIError.invalid("A NIC already exists for VM:\(vm.displayName) in network: \(network.name)")
        }
        guard vm.state == "Running" || vm.state == "Stopped" else {
            throw APIError.invalid("The VM \(vm.id) is in \(vm.state) state; a NIC can be added to a Running or Stopped VM only")
        }
        let ip = call.string("ipaddress")
        if let ip { try world.checkRequestedAddress(ip, networkID: network.id) }
        let id = vm.id, networkID = network.id
        let jobID = call.startJob(&world, into: &w, instanceType: "VirtualMachine", instanceID: id) { world, _ in
            guard var current = world.virtualMachines[id] else { throw APIError.internalError("VM \(id) is gone") }
            var address = world.nextGuestAddress(networkID: networkID)
            if let ip { address.ip = ip }
            let device = (current.nics.map(\.deviceID).max() ?? -1) + 1
            current.nics.append(
                Nic(
                    id: world.ids.next(), networkID: networkID, ipAddress: address.ip, netmask: address.netmask,
                    gateway: address.gateway, macAddress: world.nextMAC(), isDefault: current.nics.isEmpty, deviceID: device))
            world.virtualMachines[id] = current
            return jobResult("virtualmachine") { world.writeVirtualMachine(current, into: &$0) }
        }
        world.virtualMachines[id]?.pendingJobID = jobID
    }

    static let remove = Command("removeNicFromVirtualMachine", async: true, required: ["nicid", "virtualmachineid"]) {
        world, call, w in
        let vm = try VirtualMachineCommands.owned(world, call, "virtualmachineid")
        let nicID = try call.required("nicid")
        guard let nic = vm.nics.first(where: { $0.id == nicID }) else { throw APIError.invalidUUID(call.name, "nicid", nicID) }
        if nic.isDefault {
            throw APIError.invalid(
                "Unable to remove nic from \(vm.displayName) in \(world.networks[nic.networkID]?.name ?? nic.networkID), nic is default.")
        }
        let id = vm.id
        let jobID = call.startJob(&world, into: &w, instanceType: "VirtualMachine", instanceID: id) { world, _ in
            guard var current = world.virtualMachines[id] else { throw APIError.internalError("VM \(id) is gone") }
            current.nics.removeAll { $0.id == nicID }
            world.virtualMachines[id] = current
            return jobResult("virtualmachine") { world.writeVirtualMachine(current, into: &$0) }
        }
        world.virtualMachines[id]?.pendingJobID = jobID
    }
}

extension World {
    /// A requested guest address (`ipaddress`, `iptonetworklist[i].ip`): inside the network's CIDR, not its gateway,
    /// not held by another NIC (IpAddressManagerImpl.allocateGuestIP).
    func checkRequestedAddress(_ ip: String, networkID: String) throws {
        guard let network = networks[networkID] else { throw APIError.invalid("Unable to find network by id \(networkID)") }
        guard CIDR.isValidAddress(ip) else { throw APIError.invalid("Invalid format for IPv4 address: \(ip)") }
        guard CIDR.contains(network.cidr, address: ip), ip != network.gateway else {
            throw APIError.invalid("Invalid ip address \(ip): it is not in the network \(network.name) cidr \(network.cidr)")
        }
        if virtualMachines.all.contains(where: { vm in vm.nics.contains { $0.networkID == networkID && $0.ipAddress == ip } }) {
            throw APIError.invalid("The IP address \(ip) is already in use in network \(network.name)")
        }
    }
}
