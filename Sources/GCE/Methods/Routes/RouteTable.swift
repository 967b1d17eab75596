import CloudStack

/// The caller's GCE routes (docs/decisions/0013): per network a default route to `default-internet-gateway`, per
/// subnetwork a local route to its range (both synthesised, named `default-route-<16 hex>` as GCE names them, from
/// the network's and subnetwork's names so the names are stable), and every CloudStack static route of its VPCs
/// (named by its `gce-route-name` tag, else `route-<16 hex>` of its UUID).
///
/// Networks are read with the model of issue 15 (a CloudStack VPC is one network named after it, its tiers its
/// subnetworks; every other guest network as `NetworkMap` reads it) by this self-contained look-up, which the
/// shared network map replaces when it reads VPCs so.
struct RouteTable: Sendable {
    /// One GCE network as routes see it.
    struct Network: Sendable {
        let name: String
        /// The CloudStack VPC, for a VPC network.
        let vpcID: String?
        /// The subnetworks' IPv4 ranges.
        let ranges: [String]
    }

    /// A route with the CloudStack static route behind it (nil for a system route).
    struct Entry: Sendable {
        let route: Route
        let staticRouteID: String?
    }

    static let nameTag = "gce-route-name"
    static let defaultPriority = 1000

    let networks: [Network]
    let entries: [Entry]

    /// `default-route-` and 16 hex digits of a stable hash of `seed`.
    static func systemName(_ seed: String) -> String {
        let hex = String(ResourceID.of(seed), radix: 16)
        return "default-route-" + String(repeating: "0", count: max(0, 16 - hex.count)) + hex
    }

    init(networks: [Network], staticRoutes: [StaticRoute], gateways: [PrivateGateway], links: Links) {
        self.networks = networks
        var entries: [Entry] = []
        for network in networks {
            let link = links.network(network.name)
            let internet = Self.systemName("route/internet/" + network.name)
            entries.append(
                Entry(
                    route: Route(
                        id: ResourceID.of(internet), name: internet, description: "Default route to the Internet.", network: link,
                        destRange: "0.0.0.0/0", priority: Self.defaultPriority,
                        nextHop: .gateway(links.collection("global/gateways/default-internet-gateway")), routeType: "STATIC",
                        selfLink: links.route(internet)),
                    staticRouteID: nil))
            for range in network.ranges {
                let local = Self.systemName("route/subnet/" + network.name + "/" + range)
                entries.append(
                    Entry(
                        route: Route(
                            id: ResourceID.of(local), name: local, description: "Default local route to the subnetwork \(range).",
                            network: link, destRange: range, priority: 0, nextHop: .network(link), routeType: "SUBNET",
                            selfLink: links.route(local)),
                        staticRouteID: nil))
            }
        }
        var networkOfVPC: [String: String] = [:]
        for network in networks { if let vpc = network.vpcID { networkOfVPC[vpc] = network.name } }
        var nextHops: [String: String] = [:]
        for gateway in gateways { nextHops[gateway.id ?? ""] = gateway.gateway }
        let named = staticRoutes.named(
            id: { $0.id ?? "" },
            name: { row in
                row.tags.first { $0.key == Self.nameTag }?.value ?? "route-" + String(ResourceID.of(row.id ?? ""), radix: 16)
            })
        for route in named {
            guard let vpc = route.row.vpcid, let network = networkOfVPC[vpc] else { continue }
            entries.append(
                Entry(
                    route: Route(
                        id: ResourceID.of(route.row.id ?? route.name), name: route.name,
                        description: MetadataTags.description(route.row.tags),
                        network: links.network(network), destRange: route.row.cidr ?? "", priority: Self.defaultPriority,
                        nextHop: .ip(nextHops[route.row.gatewayid ?? ""] ?? ""), routeType: "STATIC", selfLink: links.route(route.name)),
                    staticRouteID: route.row.id))
        }
        self.entries = entries
    }

    /// The route of that name or numeric id.
    func entry(_ wanted: String) -> Entry? {
        if ResourceID.isNumeric(wanted), let value = UInt64(wanted) { return entries.first { $0.route.id == value } }
        return entries.first { $0.route.name == wanted }
    }
}

extension MethodCall {
    /// The caller's networks as routes see them: the network map's (decision 0011), each with its subnetworks' ranges.
    func routeNetworks() async throws(GCEError) -> [RouteTable.Network] {
        try await networkMap().entries.map { entry in
            RouteTable.Network(name: entry.name, vpcID: entry.vpc?.id, ranges: entry.subnetworks.compactMap { $0.row.cidr })
        }
    }

    /// Every route [listNetworks, listVPCs, listStaticRoutes, listPrivateGateways (only when there are static routes)].
    func routeTable() async throws(GCEError) -> RouteTable {
        let networks = try await routeNetworks()
        let routes = networks.contains { $0.vpcID != nil } ? try await listAll(CommandTable.listStaticRoutes) : []
        let gateways = routes.isEmpty ? [] : try await listAll(CommandTable.listPrivateGateways)
        return RouteTable(networks: networks, staticRoutes: routes, gateways: gateways, links: links)
    }

    /// The route of that name or numeric id (404 when unknown).
    func route(_ wanted: String) async throws(GCEError) -> RouteTable.Entry {
        guard let entry = try await routeTable().entry(wanted) else {
            throw GCEError.notFound("projects/\(project)/global/routes/\(wanted)")
        }
        return entry
    }
}
