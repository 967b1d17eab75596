import CloudStack

/// What a CloudStack VPC's router holds, read once per request: the VPC, its tiers, its source NAT
/// address, its private gateways and static routes; and the EC2 route table, internet gateway and
/// NAT gateway each VPC is (docs/decisions/0009-ec2-network-model.md).
///
/// The synthetic default VPC has none of these: its subnets are CloudStack zone networks, whose
/// routing CloudStack does not expose per network.
struct VPCRouting {
    /// One VPC and what its router holds.
    struct Router {
        let vpc: VPC
        let vpcID: EC2ID
        let tiers: [Network]
        let sourceNAT: PublicIPAddress?
        let staticRoutes: [StaticRoute]
        let privateGateways: [PrivateGateway]
    }

    let routers: [Router]

    /// Reads the caller's VPCs (only the one `id` derives from when given: a `vpc-`, `rtb-` or `igw-` id
    /// carries the VPC's UUID) and, when `routes` is set, their static routes and private gateways.
    static func load(for id: EC2ID? = nil, routes: Bool = true, tiers: Bool = true, in context: ActionContext) async throws -> VPCRouting {
        let vpcUUID = id?.cloudStackUUID
        var vpcParameters = Parameters()
        if let vpcUUID { vpcParameters["id"] = vpcUUID }
        let vpcs = try await context.list(
            CommandTable.listVPCs, vpcParameters, context: id.map { ErrorContext.ids($0.kind, [$0.description]) } ?? .none)
        if vpcs.isEmpty { return VPCRouting(routers: []) }
        var scoped = Parameters()
        if let vpcUUID { scoped["vpcid"] = vpcUUID }
        var nat = scoped
        nat["issourcenat"] = "true"
        let addresses = try await context.list(CommandTable.listPublicIpAddresses, nat)
        let networks = tiers ? try await context.list(CommandTable.listNetworks, scoped) : []
        let staticRoutes = routes ? try await context.list(CommandTable.listStaticRoutes, scoped) : []
        let gateways = routes ? try await context.list(CommandTable.listPrivateGateways, scoped) : []
        let routers = vpcs.compactMap { vpc -> Router? in
            guard let uuid = vpc.id, let id = EC2ID(kind: .vpc, cloudStackUUID: uuid) else { return nil }
            return Router(
                vpc: vpc, vpcID: id, tiers: networks.filter { $0.vpcid == uuid },
                sourceNAT: addresses.first { $0.vpcid == uuid && $0.issourcenat == true },
                staticRoutes: staticRoutes.filter { $0.vpcid == uuid && $0.state != "Revoke" },
                privateGateways: gateways.filter { $0.vpcid == uuid })
        }
        return VPCRouting(routers: routers)
    }

    /// The VPC a route table, internet gateway or other VPC-derived id names, or its kind's NotFound.
    static func router(for id: EC2ID, in context: ActionContext) async throws -> Router {
        let routing = try await load(for: id, in: context)
        guard let router = routing.routers.first else { throw EC2Error.notFound(id.kind, ids: [id.description]) }
        return router
    }
}

extension VPCRouting.Router {
    /// `rtb-` + the VPC's hex.
    var routeTableID: String { ResourceKind.routeTable.prefix + vpcID.hex }
    /// `igw-` + the VPC's hex.
    var internetGatewayID: String { ResourceKind.internetGateway.prefix + vpcID.hex }
    /// Whether CloudStack gives the VPC's tiers a way out: its router holds a source NAT address.
    var hasInternet: Bool { sourceNAT != nil }

    /// The main route table: `local`, `0.0.0.0/0` to the internet gateway, and each static route to
    /// its private gateway as a local gateway.
    var routeTable: RouteTableView {
        var routes = [
            RouteView(
                destinationCidrBlock: vpc.cidr ?? "", gatewayId: "local", localGatewayId: nil, origin: "CreateRouteTable", state: "active")
        ]
        if hasInternet {
            routes.append(
                RouteView(
                    destinationCidrBlock: "0.0.0.0/0", gatewayId: internetGatewayID, localGatewayId: nil, origin: "CreateRouteTable",
                    state: "active"))
        }
        for route in staticRoutes {
            guard let cidr = route.cidr, let gateway = route.gatewayid.flatMap({ EC2ID(kind: .localGateway, cloudStackUUID: $0) }) else {
                continue
            }
            let known = privateGateways.contains { $0.id == route.gatewayid }
            routes.append(
                RouteView(
                    destinationCidrBlock: cidr, gatewayId: nil, localGatewayId: gateway.description, origin: "CreateRoute",
                    state: known ? "active" : "blackhole"))
        }
        let association = RouteTableAssociationView(
            routeTableAssociationId: ResourceKind.routeTableAssociation.prefix + vpcID.hex, routeTableId: routeTableID, main: true)
        return RouteTableView(
            routeTableId: routeTableID, vpcId: vpcID.description, ownerId: vpc.account ?? "", routeSet: routes,
            associationSet: [association],
            subnetIds: tiers.compactMap { $0.id.flatMap { EC2ID(kind: .subnet, cloudStackUUID: $0)?.description } })
    }
}
