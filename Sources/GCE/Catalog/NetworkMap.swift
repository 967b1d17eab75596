import CloudStack

/// The caller's CloudStack guest networks and VPCs as GCE networks and subnetworks (decision 0011, docs/gce.md
/// "Networks").
///
/// A basic or security-group zone has shared guest networks: all of those together are the `default` network,
/// each its zone's subnetwork (`default` when there is one, else `default-<zone>`). A CloudStack VPC is one
/// network whose tiers are its subnetworks. Every other guest network (isolated, an advanced zone's shared
/// network) is a network of its own with one subnetwork of the same name. `default` always exists.
///
/// Names are assigned once over all networks (`default`, the non-VPC networks, then the VPCs) and once over all
/// subnetworks, so a name means one thing; the non-VPC networks come before the VPCs so that their names never
/// depend on the VPCs, which an instance list only reads when a NIC is on a tier.
struct NetworkMap: Sendable {
    /// One GCE network with its CloudStack rows (one per subnetwork).
    struct Entry: Sendable {
        let name: String
        /// The CloudStack VPC this network is; nil for `default` and the networks of their own.
        var vpc: CloudStack.VPC? = nil
        let subnetworks: [(name: String, row: CloudStack.Network)]

        /// Whether this is `default` (the zones' shared networks).
        var isDefault: Bool { name == "default" && vpc == nil && subnetworks.allSatisfy { $0.row.type == "Shared" } }
        /// Whether the bridge created this network in auto mode (`gce-auto-create-subnetworks` on the VPC).
        var autoCreatesSubnetworks: Bool { vpc?.tags.contains { $0.key == NetworkMap.autoModeTag && $0.value == "true" } ?? false }
    }

    /// A subnetwork with the network it belongs to.
    struct Member: Sendable {
        let name: String
        let network: String
        let row: CloudStack.Network
    }

    /// The VPC tag that marks an auto-mode network, and the tier tag that marks its auto-created subnetwork.
    static let autoModeTag = "gce-auto-create-subnetworks"
    static let autoSubnetworkTag = "gce-auto-subnetwork"

    /// `default` first, then the other networks, then the VPCs, each in CloudStack's order.
    let entries: [Entry]
    /// Every subnetwork, in network order.
    let members: [Member]
    /// Index into `members` by CloudStack network id: an instance list looks up every NIC's network, and the
    /// scan it replaces rebuilt every member (copying each CloudStack row) once per NIC.
    private let memberIndex: [String: Int]
    /// The ids of the VPCs that were listed (a tier's VPC that was not is named after the tier's `vpcname`).
    private let listedVPCs: Set<String>

    /// Whether a zone's shared guest network belongs to `default`.
    static func sharesDefault(_ zone: CloudStack.Zone) -> Bool {
        zone.networktype == "Basic" || zone.securitygroupsenabled == true
    }

    /// Whether a VM's NIC in `zone` is on `default` (a shared network of a zone that shares it), from the VM row
    /// alone: no network map needed.
    static func isOnDefault(_ nic: CloudStack.Nic?, zone: CloudStack.Zone) -> Bool {
        nic?.type == "Shared" && sharesDefault(zone)
    }

    init(entries: [Entry], listedVPCs: Set<String> = []) {
        self.entries = entries
        self.listedVPCs = listedVPCs
        members = entries.flatMap { entry in entry.subnetworks.map { Member(name: $0.name, network: entry.name, row: $0.row) } }
        var index: [String: Int] = [:]
        index.reserveCapacity(members.count)
        for (position, member) in members.enumerated() {
            if let id = member.row.id, index[id] == nil { index[id] = position }
        }
        memberIndex = index
    }

    /// `vpcs` may be empty when no row of `networks` is a tier (their names do not depend on the VPCs).
    init(networks: [CloudStack.Network], vpcs: [CloudStack.VPC], zones: [Named<CloudStack.Zone>]) {
        var zoneNames: [String: String] = [:]
        var sharing = Set<String>()
        for zone in zones {
            zoneNames[zone.row.id ?? ""] = zone.name
            if Self.sharesDefault(zone.row) { sharing.insert(zone.row.id ?? "") }
        }
        let isDefault = { (row: CloudStack.Network) in row.type == "Shared" && sharing.contains(row.zoneid ?? "") }
        let shared = networks.filter(isDefault)
        let own = networks.filter { !isDefault($0) && $0.vpcid == nil }
        let tiers = networks.filter { !isDefault($0) && $0.vpcid != nil }
        let knownVPCs = Set(vpcs.compactMap(\.id))
        let vpcRows =
            vpcs
            + tiers.compactMap(\.vpcid).filter { !knownVPCs.contains($0) }.uniqued().map { id in
                // A tier whose VPC was not listed (the caller sees the tier only): named after the tier's `vpcname`.
                var row = CloudStack.VPC()
                row.id = id
                row.name = tiers.first { $0.vpcid == id }?.vpcname
                return row
            }

        // `default` is always the zones' shared networks: a CloudStack network called so is `cs-default`.
        let notDefault = { (name: String?) in ResourceNames.gceName(for: name ?? "") == "default" ? "cs-default" : name ?? "" }
        let networkNames = ResourceNames.assign(
            [(id: "network/default", name: "default")] + own.map { ($0.id ?? "", notDefault($0.name)) }
                + vpcRows.map { ($0.id ?? "", notDefault($0.name)) })
        let defaultNames: [(id: String, name: String)] = shared.map { row in
            (row.id ?? "", shared.count == 1 ? "default" : "default-" + (zoneNames[row.zoneid ?? ""] ?? ""))
        }
        let subnetworkNames = ResourceNames.assign(
            defaultNames + own.map { ($0.id ?? "", notDefault($0.name)) } + tiers.map { ($0.id ?? "", notDefault($0.name)) })
        let sharedNames = Array(subnetworkNames.prefix(shared.count))
        let ownSubnetworks = Array(subnetworkNames.dropFirst(shared.count).prefix(own.count))
        let tierNames = Array(subnetworkNames.suffix(tiers.count))
        var entries = [Entry(name: networkNames[0], subnetworks: Array(zip(sharedNames, shared)).map { ($0.0, $0.1) })]
        for (index, row) in own.enumerated() {
            entries.append(Entry(name: networkNames[1 + index], subnetworks: [(ownSubnetworks[index], row)]))
        }
        for (index, vpc) in vpcRows.enumerated() {
            let members = tiers.indices.filter { tiers[$0].vpcid == vpc.id }.map { (name: tierNames[$0], row: tiers[$0]) }
            entries.append(Entry(name: networkNames[1 + own.count + index], vpc: vpc, subnetworks: members))
        }
        self.init(entries: entries, listedVPCs: knownVPCs)
    }

    /// The GCE network `wanted` (name or numeric id), or nil.
    func network(_ wanted: String) -> Entry? {
        if ResourceID.isNumeric(wanted), let value = UInt64(wanted) { return entries.first { Self.id(of: $0) == value } }
        return entries.first { $0.name == wanted }
    }

    /// The subnetwork `wanted` (name or numeric id), or nil.
    func subnetwork(_ wanted: String) -> Member? {
        let value = ResourceID.isNumeric(wanted) ? UInt64(wanted) : nil
        return members.first { member in value.map { ResourceID.of(member.row.id ?? member.name) == $0 } ?? (member.name == wanted) }
    }

    /// The subnetwork a CloudStack network id is, with its network.
    func member(networkID: String) -> Member? { memberIndex[networkID].map { members[$0] } }

    /// Whether every NIC of `vms` is on a network this map holds, and every tier's VPC is one of its networks (not
    /// one made up from the tier's `vpcname` because the VPC list lacked it).
    func holdsNetworks(of vms: some Collection<VirtualMachine>) -> Bool {
        vms.allSatisfy { vm in
            vm.nic.allSatisfy { nic in
                memberIndex[nic.networkid ?? ""] != nil && (nic.vpcid.map(listedVPCs.contains) ?? true)
            }
        }
    }

    /// The network and subnetwork names of a CloudStack network id, without copying its row.
    func names(networkID: String) -> (network: String, subnetwork: String)? {
        guard let position = memberIndex[networkID] else { return nil }
        return (members[position].network, members[position].name)
    }

    /// A network's id: its VPC's, its only CloudStack network's, or, for `default`, one derived from its name.
    static func id(of entry: Entry) -> UInt64 {
        if let vpc = entry.vpc { return ResourceID.of(vpc.id ?? entry.name) }
        return entry.isDefault || entry.subnetworks.isEmpty
            ? ResourceID.of("network/default") : ResourceID.of(entry.subnetworks.first?.row.id ?? entry.name)
    }

    /// A CloudStack display text as a GCE description: the bridge writes the name when there is no description.
    static func description(_ text: String?, name: String?) -> String? {
        guard let text, !text.isEmpty, text != name else { return nil }
        return text
    }

    func networks(region: String, links: Links) -> [Network] {
        entries.map { entry in
            let own = entry.vpc == nil && !entry.isDefault ? entry.subnetworks.first?.row : nil
            let description: String?
            if let vpc = entry.vpc {
                description = Self.description(vpc.displaytext, name: vpc.name)
            } else if entry.isDefault {
                description = "Default network for the project"
            } else {
                description = own?.displaytext
            }
            return Network(
                id: Self.id(of: entry), name: entry.name, description: description,
                creationTimestamp: Timestamps.fromCloudStack(entry.vpc?.created ?? own?.created ?? entry.subnetworks.first?.row.created),
                autoCreateSubnetworks: entry.autoCreatesSubnetworks,
                subnetworks: entry.subnetworks.map { links.subnetwork(region, $0.name) }, selfLink: links.network(entry.name))
        }
    }

    func subnetworks(region: String, links: Links) -> [Subnetwork] {
        members.map { Self.subnetwork($0, region: region, links: links) }
    }

    static func subnetwork(_ member: Member, region: String, links: Links) -> Subnetwork {
        let row = member.row
        let description = row.vpcid != nil ? Self.description(row.displaytext, name: row.name) : row.displaytext
        return Subnetwork(
            id: ResourceID.of(row.id ?? member.name), name: member.name, description: description,
            creationTimestamp: Timestamps.fromCloudStack(row.created), network: links.network(member.network),
            ipCidrRange: row.cidr, gatewayAddress: row.gateway, region: links.region(region),
            selfLink: links.subnetwork(region, member.name))
    }
}

extension Array where Element: Hashable {
    /// The elements in order, each once.
    fileprivate func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}

extension MethodCall {
    /// The caller's networks as GCE sees them [listNetworks, listVPCs, listZones (cached)].
    func networkMap() async throws(GCEError) -> NetworkMap {
        let zones = try await self.zones()
        return NetworkMap(
            networks: try await listAll(CommandTable.listNetworks), vpcs: try await listAll(CommandTable.listVPCs), zones: zones)
    }

    /// The networks the NICs of `vms` are on [listNetworks, and listVPCs only when a NIC is on a VPC tier], as the
    /// shared catalog keeps the map while it holds every NIC's network and VPC; read fresh when one is missing.
    func networkMap(for vms: some Collection<VirtualMachine> & Sendable) async throws(GCEError) -> NetworkMap {
        let zones = try await self.zones()
        let onTier = vms.contains { vm in vm.nic.contains { $0.vpcid != nil } }
        do {
            let kept = try await catalog.guestNetworks(as: credentials, withVPCs: onTier) { networks, vpcs in
                NetworkMap(networks: networks, vpcs: vpcs, zones: zones)
            }
            if kept.holdsNetworks(of: vms) { return kept }
            return try await catalog.guestNetworks(as: credentials, withVPCs: onTier, fresh: true) { networks, vpcs in
                NetworkMap(networks: networks, vpcs: vpcs, zones: zones)
            }
        } catch {
            throw GCEError(error)
        }
    }
}
