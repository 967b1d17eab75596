extension World {
    /// Creates a VM row in `Stopped` with its ROOT volume (`Allocated`) and NICs, as deploy does
    /// before its job starts. `seeding` (start-up seed data in networks only seeding has used): the ROOT volume is
    /// made `Ready` and guest addresses are taken in order without looking for ones in use, which made seeding
    /// quadratic in the number of VMs (10,000 per account took minutes).
    mutating func createVirtualMachine(
        caller: Caller, owner: Account, zone: Zone, template: Template, offering: ServiceOffering,
        cpu: Int, speed: Int, memory: Int, name: String?, displayName: String?, networkIDs: [String],
        securityGroupIDs: [String], keyPairs: [String], userData: String?, rootSize: Int64?, now: Int64,
        addresses: [String: String] = [:], seeding: Bool = false
    ) -> VirtualMachine {
        let id = ids.next()
        let number = ids.nextNumber()
        var networks = networkIDs
        if networks.isEmpty { networks = [defaultNetwork(for: owner, zone: zone, now: now)] }
        var nics: [Nic] = []
        for (index, networkID) in networks.enumerated() {
            var address = nextGuestAddress(networkID: networkID, checkingUse: !seeding)
            if let ip = addresses[networkID] { address.ip = ip }
            nics.append(
                Nic(
                    id: ids.next(), networkID: networkID, ipAddress: address.ip, netmask: address.netmask,
                    gateway: address.gateway, macAddress: nextMAC(), isDefault: index == 0, deviceID: index))
        }
        var groups = securityGroupIDs
        if zone.securityGroupsEnabled && groups.isEmpty,
            let fallback = self.securityGroups.all.first(where: { $0.accountID == owner.id && $0.name == "default" })
        {
            groups = [fallback.id]
        }
        let vmName = name ?? id
        let vm = VirtualMachine(
            id: id, number: number, name: vmName, displayName: displayName ?? vmName, accountID: owner.id,
            userID: owner.id == caller.account.id ? caller.user.id : (users.all.first { $0.accountID == owner.id }?.id ?? caller.user.id),
            zoneID: zone.id, templateID: template.id, serviceOfferingID: offering.id, cpuNumber: cpu, cpuSpeed: speed,
            memory: memory, state: "Stopped", created: now, hostID: nil, keyPairs: keyPairs,
            securityGroupIDs: zone.securityGroupsEnabled ? groups : [], userData: userData, password: nil, nics: nics)
        virtualMachines[id] = vm
        let volumeID = ids.next()
        volumes[volumeID] = Volume(
            id: volumeID, name: "ROOT-" + String(number), accountID: owner.id, zoneID: zone.id, type: "ROOT",
            size: rootSize ?? template.size, state: seeding ? "Ready" : "Allocated", diskOfferingID: nil, templateID: template.id,
            virtualMachineID: id, deviceID: 0, attached: now, created: now)
        return vm
    }

    /// The network a VM lands on when none is given: the zone's shared network (Basic), else the
    /// account's first isolated network there, created on demand as CloudStack does.
    mutating func defaultNetwork(for owner: Account, zone: Zone, now: Int64) -> String {
        if zone.networkType == "Basic" { return zone.defaultNetworkID }
        if let existing = networks.all.first(where: { $0.accountID == owner.id && $0.zoneID == zone.id && $0.vpcID == nil }) {
            return existing.id
        }
        let id = ids.next()
        let octet = 100 + networks.count % 150
        networks[id] = Network(
            id: id, name: owner.name + "-network", displayText: owner.name + "-network", accountID: owner.id,
            zoneID: zone.id, type: "Isolated", cidr: "10.\(octet).0.0/16", gateway: "10.\(octet).0.1",
            netmask: "255.255.0.0", state: "Implemented", networkOfferingID: isolatedNetworkOfferingID,
            created: now)
        return id
    }

    /// Sets a VM's state and keeps its ROOT volume's state in step (Ready once started).
    mutating func setState(_ state: String, vm id: String) {
        guard var vm = virtualMachines[id] else { return }
        vm.state = state
        if state == "Running" {
            vm.hostID = vm.zoneID
            for volume in volumes.all where volume.virtualMachineID == id { volumes[volume.id]?.state = "Ready" }
        }
        virtualMachines[id] = vm
    }

    /// Removes an expunged VM: ROOT volume gone, data disks detached, static NAT and tags released.
    mutating func expunge(vm id: String) {
        for volume in volumes.all where volume.virtualMachineID == id {
            if volume.type == "ROOT" {
                volumes[volume.id] = nil
                removeTags(of: volume.id) { _ in true }
            } else {
                volumes[volume.id]?.virtualMachineID = nil
                volumes[volume.id]?.deviceID = nil
                volumes[volume.id]?.attached = nil
            }
        }
        if let ipID = virtualMachines[id]?.staticNatIPID { publicIPs[ipID]?.staticNatVMID = nil }
        for group in affinityGroups.all where group.virtualMachineIDs.contains(id) {
            affinityGroups[group.id]?.virtualMachineIDs.removeAll { $0 == id }
        }
        removeTags(of: id) { _ in true }
        virtualMachines[id] = nil
        virtualMachineJSON[id] = nil
    }

    /// A fresh VM password (CloudStack generates 6 characters from an unambiguous alphabet).
    mutating func nextPassword() -> String {
        let alphabet = Array("abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var value = ids.nextNumber() &* 0x9E37_79B9_7F4A_7C15
        var out = ""
        for _ in 0..<6 {
            out.append(alphabet[Int(value % UInt64(alphabet.count))])
            value /= UInt64(alphabet.count)
        }
        return out
    }
}
