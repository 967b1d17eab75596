/// deployVirtualMachine's placement parameters, as CloudStack 4.18 takes them: the guest address of
/// each network (`ipaddress` for the default one, `iptonetworklist[i].networkid/ip`) and the affinity
/// groups (`affinitygroupids` or `affinitygroupnames`).
extension VirtualMachineCommands {
    /// The networks the VM gets, in NIC order, and the address asked for on each (checked: inside the
    /// network's CIDR and not in use there).
    static func deployNetworks(
        _ call: Call, world: inout World, networkIDs: [String], owner: Account, zone: Zone
    ) throws -> (networks: [String], addresses: [String: String]) {
        let pairs = call.map("iptonetworklist")
        var networks = networkIDs
        var addresses: [String: String] = [:]
        if !pairs.isEmpty {
            guard networks.isEmpty else {
                throw APIError.invalid("networkIds and ipToNetworkList can't be specified at the same time")
            }
            for pair in pairs {
                guard let id = pair["networkid"], let network = world.networks[id] else {
                    throw APIError.invalid("Unable to find network by id \(pair["networkid"] ?? "")")
                }
                if let owner = network.accountID { try call.checkAccess(owner, resource: "Network \(network.id)") }
                guard network.zoneID == zone.id else {
                    throw APIError.invalid("Network id=\(network.id) doesn't belong to zone \(zone.id)")
                }
                if !networks.contains(id) { networks.append(id) }
                if let ip = pair["ip"] { addresses[id] = ip }
            }
        }
        if let ip = call.string("ipaddress") {
            if networks.isEmpty { networks = [world.defaultNetwork(for: owner, zone: zone, now: call.nowSeconds)] }
            if let first = networks.first, addresses[first] == nil { addresses[first] = ip }
        }
        for (id, ip) in addresses {
            guard let network = world.networks[id] else { continue }
            guard CIDR.isValidAddress(ip) else { throw APIError.invalid("Invalid format for IP address parameter: \(ip)") }
            guard CIDR.overlaps(ip + "/32", network.cidr), ip != network.gateway else {
                throw APIError.invalid("IP address \(ip) is not in the cidr \(network.cidr) of network \(network.name)")
            }
            guard !world.isGuestAddressInUse(ip, networkID: id) else {
                throw APIError.invalid("The IP address \(ip) is already in use in network \(network.name)")
            }
        }
        return (networks, addresses)
    }

    /// The affinity groups named, the caller's own.
    static func deployAffinityGroups(_ call: Call, world: World, owner: Account) throws -> [String] {
        let ids = call.list("affinitygroupids"), names = call.list("affinitygroupnames")
        if ids != nil && names != nil {
            throw APIError.invalid("affinityGroupNames parameter is mutually exclusive with affinityGroupIds parameter")
        }
        var groups: [String] = []
        for id in ids ?? [] {
            guard let group = world.affinityGroups[id] else { throw APIError.invalidUUID(call.name, "affinitygroupids", id) }
            try call.checkAccess(group.accountID, resource: "AffinityGroup \(group.id)")
            groups.append(group.id)
        }
        for name in names ?? [] {
            guard let group = world.affinityGroups.all.first(where: { $0.accountID == owner.id && $0.name == name }) else {
                throw APIError.invalid("Unable to find affinity group by name \(name)")
            }
            groups.append(group.id)
        }
        return groups
    }
}
