import CloudStack

/// The caller's CloudStack guest networks as GCE networks and subnetworks (docs/gce.md, "Networks").
///
/// A basic or security-group zone has one shared guest network: all of those together are the `default` network,
/// each its zone's subnetwork (`default` when there is one such zone, else `default-<zone>`). Every other guest
/// network (isolated, VPC tier, an advanced zone's shared network) is a custom-mode network of its own with one
/// subnetwork of the same name. `default` always exists, with no subnetwork when no zone has a shared network
/// (an instance inserted into it is placed by CloudStack).
struct NetworkMap: Sendable {
    /// One GCE network with its CloudStack rows (one per subnetwork).
    struct Entry: Sendable {
        let name: String
        let subnetworks: [(name: String, row: CloudStack.Network)]
    }

    /// `default` first, then the other networks in CloudStack's order.
    let entries: [Entry]

    /// Whether a zone's shared guest network belongs to `default`.
    static func sharesDefault(_ zone: CloudStack.Zone) -> Bool {
        zone.networktype == "Basic" || zone.securitygroupsenabled == true
    }

    /// The GCE network name of an instance NIC on `networkName` of CloudStack `type` in `zone`.
    static func networkName(of networkName: String?, type: String?, zone: CloudStack.Zone?) -> String {
        guard let networkName else { return "default" }
        if type == "Shared", let zone, sharesDefault(zone) { return "default" }
        return ResourceNames.gceName(for: networkName)
    }

    init(entries: [Entry]) { self.entries = entries }

    init(networks: [CloudStack.Network], zones: [Named<CloudStack.Zone>]) {
        var zoneNames: [String: String] = [:]
        var sharing = Set<String>()
        for zone in zones {
            zoneNames[zone.row.id ?? ""] = zone.name
            if Self.sharesDefault(zone.row) { sharing.insert(zone.row.id ?? "") }
        }
        let isDefault = { (row: CloudStack.Network) in row.type == "Shared" && sharing.contains(row.zoneid ?? "") }
        let shared = networks.filter(isDefault)
        let defaults = shared.map { row in
            (name: shared.count == 1 ? "default" : ResourceNames.gceName(for: "default-" + (zoneNames[row.zoneid ?? ""] ?? "")), row: row)
        }
        let others = networks.filter { !isDefault($0) }.named(id: { $0.id ?? "" }, name: { $0.name ?? "" })
        entries = [Entry(name: "default", subnetworks: defaults)] + others.map { Entry(name: $0.name, subnetworks: [($0.name, $0.row)]) }
    }

    /// The GCE network `wanted` (name or numeric id), or nil.
    func network(_ wanted: String) -> Entry? {
        if ResourceID.isNumeric(wanted), let value = UInt64(wanted) { return entries.first { Self.id(of: $0) == value } }
        return entries.first { $0.name == wanted }
    }

    /// A network's id: its only CloudStack network's, or, for `default`, one derived from its name.
    static func id(of entry: Entry) -> UInt64 {
        entry.name == "default" ? ResourceID.of("network/default") : ResourceID.of(entry.subnetworks.first?.row.id ?? entry.name)
    }

    func networks(region: String, links: Links) -> [Network] {
        entries.map { entry in
            let row = entry.name == "default" ? nil : entry.subnetworks.first?.row
            return Network(
                id: Self.id(of: entry), name: entry.name,
                description: row?.displaytext ?? (entry.name == "default" ? "Default network for the project" : nil),
                creationTimestamp: Timestamps.fromCloudStack(row?.created ?? entry.subnetworks.first?.row.created),
                subnetworks: entry.subnetworks.map { links.subnetwork(region, $0.name) }, selfLink: links.network(entry.name))
        }
    }

    func subnetworks(region: String, links: Links) -> [Subnetwork] {
        entries.flatMap { entry in
            entry.subnetworks.map { subnetwork in
                let row = subnetwork.row
                return Subnetwork(
                    id: ResourceID.of(row.id ?? subnetwork.name), name: subnetwork.name, description: row.displaytext,
                    creationTimestamp: Timestamps.fromCloudStack(row.created), network: links.network(entry.name),
                    ipCidrRange: row.cidr, gatewayAddress: row.gateway, region: links.region(region),
                    selfLink: links.subnetwork(region, subnetwork.name))
            }
        }
    }
}

extension MethodCall {
    /// The caller's networks as GCE sees them [listNetworks, listZones (cached)].
    func networkMap() async throws(GCEError) -> NetworkMap {
        let zones = try await self.zones()
        return NetworkMap(networks: try await listAll(CommandTable.listNetworks), zones: zones)
    }
}
