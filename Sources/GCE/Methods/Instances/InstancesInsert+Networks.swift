import CloudStack

/// One `networkInterfaces[i]` of an instances.insert body as far as the network part honours it: `network`,
/// `subnetwork`, `networkIP` (decision 0011, point 8). `accessConfigs` are read by the address part.
struct RequestedInterface: Sendable {
    let index: Int
    /// The last segment of `network`; nil when absent.
    let network: String?
    /// The last segment of `subnetwork`; nil when absent.
    let subnetwork: String?
    /// `networkIP`, checked to be an IPv4 address.
    let networkIP: String?

    /// GCE's limit on interfaces per instance; CloudStack has none of its own below it.
    static let limit = 8

    /// Every interface of the body, in order; refuses malformed members naming them.
    static func decode(_ body: BodyValue) throws(GCEError) -> [RequestedInterface] {
        let items = try body.array("networkInterfaces", at: "resource.networkInterfaces")
        guard items.count <= limit else {
            throw GCEError.invalid("Invalid value for field 'resource.networkInterfaces': at most \(limit) network interfaces")
        }
        return try items.enumerated().map { index, item throws(GCEError) in
            let path = "resource.networkInterfaces[\(index)]"
            let interface = try item.requireObject(path)
            var network: String?
            if let reference = try interface.string("network", at: "\(path).network") {
                network = try ResourceReference.name(reference, field: "\(path).network")
            }
            var subnetwork: String?
            if let reference = try interface.string("subnetwork", at: "\(path).subnetwork"), !reference.isEmpty {
                subnetwork = try ResourceReference.name(reference, field: "\(path).subnetwork")
            }
            let ip = try interface.string("networkIP", at: "\(path).networkIP")
            if let ip, IPv4Range.address(ip) == nil {
                throw GCEError.invalid("Invalid value for field '\(path).networkIP': '\(ip.prefix(64))'. Must be an IPv4 address")
            }
            return RequestedInterface(index: index, network: network, subnetwork: subnetwork, networkIP: ip)
        }
    }

    /// Whether the body leaves the placement to CloudStack: no interface, or one on `default` with nothing fixed.
    static func leftToCloudStack(_ interfaces: [RequestedInterface]) -> Bool {
        guard let only = interfaces.first else { return true }
        return interfaces.count == 1 && (only.network ?? "default") == "default" && only.subnetwork == nil
            && only.networkIP == nil
    }
}

/// The CloudStack networks a body's interfaces land on, in order, with the addresses they fix.
struct InterfacePlan: Sendable {
    let nics: [(networkID: String, ip: String?)]

    /// Resolves every interface in `zone` [listNetworks, listVPCs, listRegions]; 404 for an unknown network or
    /// subnetwork, 400 naming the member for one in another zone, a subnetwork of another network, a network
    /// with several subnetworks in the zone and no `subnetwork`, a second interface on one subnetwork, or a
    /// `networkIP` outside its subnetwork.
    /// `forced`: resolve even what instances.insert would leave to CloudStack (addNetworkInterface).
    static func resolve(
        _ interfaces: [RequestedInterface], zone: Named<CloudStack.Zone>, context: MethodCall, forced: Bool = false
    ) async throws(GCEError) -> InterfacePlan {
        guard forced || !RequestedInterface.leftToCloudStack(interfaces) else { return InterfacePlan(nics: []) }
        let map = try await context.networkMap()
        let region = try await context.localRegion().name
        var nics: [(networkID: String, ip: String?)] = []
        for interface in interfaces {
            let path = "resource.networkInterfaces[\(interface.index)]"
            let member = try pick(interface, in: map, zone: zone, region: region, context: context)
            guard member.row.zoneid == zone.row.id else {
                throw GCEError.invalid(
                    "Invalid value for field '\(path).subnetwork': subnetwork \(member.name) is in CloudStack zone "
                        + "\(member.row.zonename ?? member.row.zoneid ?? "?"), not in \(zone.name): "
                        + "insert the instance there (CloudStack networks and VPCs are zonal)")
            }
            let networkID = member.row.id ?? ""
            guard !nics.contains(where: { $0.networkID == networkID }) else {
                throw GCEError.invalid(
                    "Invalid value for field '\(path)': another network interface is already on subnetwork \(member.name)")
            }
            if let ip = interface.networkIP, let address = IPv4Range.address(ip) {
                guard let range = member.row.cidr.flatMap(IPv4Range.init), range.contains(address: address), ip != member.row.gateway
                else {
                    throw GCEError.invalid(
                        "Invalid value for field '\(path).networkIP': '\(ip)'. It is not a free address of subnetwork "
                            + "\(member.name) (\(member.row.cidr ?? "no range"))")
                }
            }
            nics.append((networkID, interface.networkIP))
        }
        return InterfacePlan(nics: nics)
    }

    /// The subnetwork an interface names, or the only one its network has in `zone`.
    private static func pick(
        _ interface: RequestedInterface, in map: NetworkMap, zone: Named<CloudStack.Zone>, region: String, context: MethodCall
    ) throws(GCEError) -> NetworkMap.Member {
        let path = "resource.networkInterfaces[\(interface.index)]"
        let networkName = interface.network ?? "default"
        guard let network = map.network(networkName) else {
            throw GCEError.notFound("projects/\(context.project)/global/networks/\(networkName)")
        }
        if let wanted = interface.subnetwork {
            guard let member = map.subnetwork(wanted) else {
                throw GCEError.notFound("projects/\(context.project)/regions/\(region)/subnetworks/\(wanted)")
            }
            guard member.network == network.name || interface.network == nil else {
                throw GCEError.invalid(
                    "Invalid value for field '\(path).subnetwork': subnetwork \(member.name) belongs to network \(member.network), "
                        + "not \(network.name)")
            }
            return member
        }
        let here = network.subnetworks.filter { $0.row.zoneid == zone.row.id }
        guard here.count == 1, let only = here.first else {
            if here.isEmpty {
                let zones = Set(network.subnetworks.compactMap { $0.row.zonename ?? $0.row.zoneid }).sorted()
                throw GCEError.invalid(
                    "Invalid value for field '\(path).network': network \(network.name) has no subnetwork in zone \(zone.name)"
                        + (zones.isEmpty ? "" : " (its subnetworks are in CloudStack zone \(zones.joined(separator: ", ")))"))
            }
            throw GCEError.invalid(
                "Invalid value for field '\(path).subnetwork': network \(network.name) has \(here.count) subnetworks in zone "
                    + "\(zone.name): name one")
        }
        return NetworkMap.Member(name: only.name, network: network.name, row: only.row)
    }

    /// deployVirtualMachine's `networkids` in order, or `iptonetworklist` when an interface fixes its address
    /// (CloudStack refuses the two together).
    func apply(to parameters: inout Parameters) {
        guard !nics.isEmpty else { return }
        if nics.contains(where: { $0.ip != nil }) {
            parameters.setMap(
                "iptonetworklist",
                nics.map { nic in [(field: "networkid", value: nic.networkID)] + (nic.ip.map { [(field: "ip", value: $0)] } ?? []) })
        } else {
            parameters.setList("networkids", nics.map(\.networkID))
        }
    }
}
