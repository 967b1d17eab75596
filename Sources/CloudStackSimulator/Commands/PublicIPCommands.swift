import JSON

/// listPublicIpAddresses, associateIpAddress, disassociateIpAddress, enableStaticNat, disableStaticNat.
enum PublicIPCommands {
    static let all: [Command] = [list, associate, disassociate, enableStaticNat, disableStaticNat, portForwardingRules, ipForwardingRules]

    // Forwarding rules are not modelled: the lists exist (always empty) because clients such as
    // libcloud's list_nodes call them on every listing.
    static let portForwardingRules = Command(
        "listPortForwardingRules",
        accepts: [
            "account", "domainid", "id", "ipaddressid", "isrecursive", "keyword", "listall", "networkid", "page", "pagesize", "tags",
        ]
    ) { world, call, w in
        let query = try ListQuery(call, world: world)
        query.write([String](), item: "portforwardingrule", into: &w) { _, _ in }
    }

    static let ipForwardingRules = Command(
        "listIpForwardingRules",
        accepts: [
            "account", "domainid", "id", "ipaddressid", "isrecursive", "keyword", "listall", "page", "pagesize", "virtualmachineid",
        ]
    ) { world, call, w in
        let query = try ListQuery(call, world: world)
        query.write([String](), item: "ipforwardingrule", into: &w) { _, _ in }
    }

    static func owned(_ world: World, _ call: Call, _ name: String) throws -> PublicIPAddress {
        let ip = try call.requiredEntity(world.publicIPs, name)
        try call.checkAccess(ip.accountID, resource: "IPAddress \(ip.id)")
        return ip
    }

    static let list = Command(
        "listPublicIpAddresses",
        accepts: [
            "account", "allocatedonly", "associatednetworkid", "domainid", "forvirtualnetwork", "id", "ipaddress", "isrecursive",
            "issourcenat", "isstaticnat", "keyword", "listall", "networkid", "page", "pagesize", "state", "tags", "vpcid", "zoneid",
        ]
    ) { world, call, w in
        let query = try ListQuery(call, world: world)
        let id = call.string("id"), address = call.string("ipaddress"), zoneID = call.string("zoneid")
        let networkID = call.string("associatednetworkid") ?? call.string("networkid"), vpcID = call.string("vpcid")
        let sourceNat = call.bool("issourcenat"), staticNat = call.bool("isstaticnat")
        let ips = world.publicIPs.filter { ip in
            guard query.includes(account: ip.accountID) else { return false }
            if let id, ip.id != id { return false }
            if let address, ip.address != address { return false }
            if let zoneID, ip.zoneID != zoneID { return false }
            if let networkID, ip.networkID != networkID { return false }
            if let vpcID, ip.vpcID != vpcID { return false }
            if let sourceNat, ip.isSourceNat != sourceNat { return false }
            if let staticNat, (ip.staticNatVMID != nil) != staticNat { return false }
            return query.matchesKeyword(ip.address) && query.matchesTags(world.tags(of: ip.id))
        }
        query.write(ips, item: "publicipaddress", into: &w) { ip, w in world.writePublicIP(ip, into: &w) }
    }

    static let associate = Command(
        "associateIpAddress", async: true,
        accepts: [
            "account", "domainid", "fordisplay", "ipaddress", "isportable", "networkid", "projectid", "regionid", "vpcid", "zoneid",
        ]
    ) { world, call, w in
        let owner = try call.owner(in: world)
        let network = try call.entity(world.networks, "networkid")
        let vpc = try call.entity(world.vpcs, "vpcid")
        if let owner = network?.accountID { try call.checkAccess(owner, resource: "Network \(network?.id ?? "")") }
        if let vpc { try call.checkAccess(vpc.accountID, resource: "Vpc \(vpc.id)") }
        let zoneID = try call.entity(world.zones, "zoneid")?.id ?? network?.zoneID ?? vpc?.zoneID
        guard let zoneID, let zone = world.zones[zoneID] else {
            throw APIError.invalid(
                "Unable to figure out zone to assign ip to. Please specify either zoneId, or networkId, or vpcId in the call")
        }
        guard zone.networkType == "Advanced" else {
            throw APIError.invalid("Can't associate ip in zone \(zone.name) of type \(zone.networkType): it has no public IP ranges")
        }
        let address = try requestedAddress(world, call, zone: zone)
        let networkID = network?.id ?? (vpc == nil ? world.defaultNetwork(for: owner, zone: zone, now: call.nowSeconds) : nil)
        let id = world.ids.next()
        world.publicIPs[id] = PublicIPAddress(
            id: id, address: address ?? world.nextPublicAddress(zone: zone), accountID: owner.id, zoneID: zone.id,
            networkID: networkID, vpcID: vpc?.id, isSourceNat: false, state: "Allocating",
            allocated: call.nowSeconds)
        let fails = call.failsJob
        let jobID = call.startJob(&world, into: &w, instanceType: "IpAddress", instanceID: id, createdID: id) { world, _ in
            guard var ip = world.publicIPs[id] else { throw APIError.internalError("IP address \(id) is gone") }
            if fails {
                // AssociateIPAddrCmd.execute: an address that cannot be applied is released again and the job fails.
                world.publicIPs[id] = nil
                throw APIError.internalError("Failed to allocate IP address")
            }
            ip.state = "Allocated"
            world.publicIPs[id] = ip
            return jobResult("ipaddress") { world.writePublicIP(ip, into: &$0) }
        }
        world.publicIPs[id]?.pendingJobID = jobID
    }

    /// `ipaddress`: CloudStack's create phase (IpAddressManagerImpl.fetchNewPublicIp) searches the zone's free
    /// public addresses for exactly that one; none found (outside the ranges, or already allocated to anyone) is
    /// InsufficientAddressCapacityException, answered inline as 533.
    static func requestedAddress(_ world: World, _ call: Call, zone: Zone) throws -> String? {
        guard let wanted = call.string("ipaddress") else { return nil }
        let octets = wanted.split(separator: ".", omittingEmptySubsequences: false)
        let valid = octets.count == 4 && octets.allSatisfy { $0.count <= 3 && UInt8($0) != nil }
        guard valid else { throw APIError.invalid("Invalid IP address \(wanted.prefix(64))") }
        let inRange = wanted.hasPrefix(zone.publicPrefix) && !wanted.hasSuffix(".0") && !wanted.hasSuffix(".1")
        guard inRange, !world.publicIPs.all.contains(where: { $0.address == wanted && $0.zoneID == zone.id }) else {
            throw APIError(code: 533, csCode: 4325, text: "Insufficient address capacity")
        }
        return wanted
    }

    static let disassociate = Command("disassociateIpAddress", async: true, required: ["id"]) { world, call, w in
        let ip = try owned(world, call, "id")
        if ip.isSourceNat { throw APIError.invalid("IP address id=\(ip.id) is a source nat ip address, can't be released") }
        let id = ip.id
        _ = call.startJob(&world, into: &w, instanceType: "IpAddress", instanceID: id) { world, _ in
            if let vmID = world.publicIPs[id]?.staticNatVMID { world.virtualMachines[vmID]?.staticNatIPID = nil }
            world.publicIPs[id] = nil
            world.removeTags(of: id) { _ in true }
            return AsyncJobBody.success
        }
    }

    static let enableStaticNat = Command(
        "enableStaticNat", required: ["ipaddressid", "virtualmachineid"], accepts: ["networkid", "vmguestip"]
    ) { world, call, w in
        var ip = try owned(world, call, "ipaddressid")
        let vm = try VirtualMachineCommands.owned(world, call, "virtualmachineid")
        if ip.isSourceNat {
            throw APIError(code: 537, csCode: 9999, text: "Can't enable static nat on source nat ip address \(ip.address)")
        }
        if let other = ip.staticNatVMID, other != vm.id {
            throw APIError(
                code: 537, csCode: 9999,
                text: "Failed to enable static nat for the ip address id=\(ip.id) as it's already assigned to vm id=\(other)")
        }
        if let other = vm.staticNatIPID, other != ip.id {
            throw APIError(
                code: 537, csCode: 9999,
                text: "Failed to enable static nat for the ip address id=\(ip.id) and vm id=\(vm.id) as it's already assigned to antoher vm"
            )
        }
        if let networkID = ip.networkID, !vm.nics.contains(where: { $0.networkID == networkID }) {
            throw APIError.invalid("Virtual machine \(vm.id) is not in the network \(networkID) of the ip address")
        }
        // EnableStaticNatCmd.getNetworkId: a VPC address belongs to no tier yet, so `networkid` names the one,
        // which must be a tier of the address's VPC holding a NIC of the VM.
        if let vpcID = ip.vpcID, ip.networkID == nil {
            guard let networkID = call.string("networkid") else {
                throw APIError.invalid(
                    "Unable to enable static NAT for the ipAddress id=\(ip.id) as ip is not associated with any network and no networkId is passed in"
                )
            }
            guard let tier = world.networks[networkID], tier.vpcID == vpcID else {
                throw APIError.invalid("Network \(networkID.prefix(64)) is not a tier of the VPC \(vpcID) of the ip address")
            }
            guard vm.nics.contains(where: { $0.networkID == tier.id }) else {
                throw APIError.invalid("Virtual machine \(vm.id) is not in the network \(tier.id)")
            }
            // RulesManagerImpl.enableStaticNat: the VPC address is associated with that tier from now on.
            ip.networkID = tier.id
        }
        ip.staticNatVMID = vm.id
        world.publicIPs[ip.id] = ip
        world.virtualMachines[vm.id]?.staticNatIPID = ip.id
        w.beginObject()
        w.member("success", true)
        w.endObject()
    }

    static let disableStaticNat = Command("disableStaticNat", async: true, required: ["ipaddressid"]) { world, call, w in
        let ip = try owned(world, call, "ipaddressid")
        guard ip.staticNatVMID != nil else { throw APIError.invalid("Specified IP address id is not associated with any vm Id") }
        let id = ip.id
        _ = call.startJob(&world, into: &w, instanceType: "IpAddress", instanceID: id) { world, _ in
            if let vmID = world.publicIPs[id]?.staticNatVMID { world.virtualMachines[vmID]?.staticNatIPID = nil }
            world.publicIPs[id]?.staticNatVMID = nil
            // VpcManagerImpl.unassignIPFromVpcNetwork: a VPC address with no rules left belongs to no tier again.
            if world.publicIPs[id]?.vpcID != nil { world.publicIPs[id]?.networkID = nil }
            return AsyncJobBody.success
        }
    }
}
