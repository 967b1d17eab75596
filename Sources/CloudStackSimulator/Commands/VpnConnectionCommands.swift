import JSON

/// createVpnConnection, deleteVpnConnection, resetVpnConnection, listVpnConnections (`Site2SiteVpnManagerImpl`
/// in 4.18): created `Pending`, started by its job (`Connected`, or `Disconnected` when passive).
enum VpnConnectionCommands {
    static let all: [Command] = [create, delete, reset, list]

    /// `site2site.vpn.vpngateway.connection.limit`'s default.
    static let connectionLimit = 4

    static let create = Command(
        "createVpnConnection", async: true, required: ["s2scustomergatewayid", "s2svpngatewayid"], accepts: ["fordisplay", "passive"]
    ) { world, call, w in
        let customer = try call.requiredEntity(world.vpnCustomerGateways, "s2scustomergatewayid")
        try call.checkAccess(customer.accountID, resource: "Site2SiteCustomerGateway \(customer.id)")
        let gateway = try call.requiredEntity(world.vpnGateways, "s2svpngatewayid")
        try call.checkAccess(gateway.accountID, resource: "Site2SiteVpnGateway \(gateway.id)")
        if customer.accountID != gateway.accountID {
            throw APIError.invalid("VPN connection can only be esitablished between same account's VPN gateway and customer gateway!")
        }
        let existing = world.vpnConnections.all.filter { $0.vpnGatewayID == gateway.id }
        if existing.contains(where: { $0.customerGatewayID == customer.id }) {
            throw APIError.invalid(
                "The vpn connection with customer gateway id \(customer.id) and vpn gateway id \(gateway.id) already existed!")
        }
        if let vpcCIDR = world.vpcs[gateway.vpcID]?.cidr {
            for cidr in customer.cidrList where CIDR.overlaps(vpcCIDR, cidr) {
                throw APIError.invalid(
                    "The subnets of customer gateway \(customer.id)'s subnet \(cidr) is overlapped with VPC cidr \(vpcCIDR)!")
            }
        }
        if existing.count >= connectionLimit {
            throw APIError.invalid("There are too many VPN connections with current VPN gateway! The limit is \(connectionLimit)")
        }
        for other in existing {
            guard let peer = world.vpnCustomerGateways[other.customerGatewayID] else { continue }
            for old in peer.cidrList {
                for cidr in customer.cidrList where CIDR.overlaps(cidr, old) {
                    throw APIError.invalid(
                        "The new connection's remote subnet \(cidr) is overlapped with existed VPN connection to customer gateway "
                            + "\(peer.name)'s subnet \(old)")
                }
            }
        }
        let id = world.ids.next()
        world.vpnConnections[id] = VpnConnection(
            id: id, vpnGatewayID: gateway.id, customerGatewayID: customer.id, accountID: gateway.accountID, state: "Pending",
            passive: call.bool("passive") ?? false, forDisplay: call.bool("fordisplay") ?? true, created: call.nowSeconds)
        _ = call.startJob(&world, into: &w, instanceType: nil, instanceID: id, createdID: id) { world, _ in
            try start(id, in: &world)
            guard let connection = world.vpnConnections[id] else { throw APIError.internalError("Unable to find VPN connection \(id)") }
            return jobResult("vpnconnection") { world.writeVpnConnection(connection, into: &$0) }
        }
    }

    static let delete = Command("deleteVpnConnection", async: true, required: ["id"]) { world, call, w in
        let connection = try call.requiredEntity(world.vpnConnections, "id")
        try call.checkAccess(connection.accountID, resource: "Site2SiteVpnConnection \(connection.id)")
        let id = connection.id
        _ = call.startJob(&world, into: &w, instanceType: nil, instanceID: id) { world, _ in
            world.vpnConnections[id] = nil
            return AsyncJobBody.success
        }
    }

    static let reset = Command("resetVpnConnection", async: true, required: ["id"], accepts: ["account", "domainid"]) { world, call, w in
        let connection = try call.requiredEntity(world.vpnConnections, "id")
        try call.checkAccess(connection.accountID, resource: "Site2SiteVpnConnection \(connection.id)")
        let id = connection.id
        // A BaseAsyncCmd: the manager's checks run in the job, so they fail the job, not the request.
        _ = call.startJob(&world, into: &w, instanceType: nil, instanceID: id) { world, _ in
            guard var connection = world.vpnConnections[id] else { throw APIError.internalError("Unable to find VPN connection \(id)") }
            if connection.state == "Pending" {
                throw APIError.invalid("VPN connection \(id) cannot be reseted when state is Pending!")
            }
            // stopVpnConnection then startVpnConnection: Connected and Error go through Disconnected.
            if connection.state == "Connected" || connection.state == "Error" { connection.state = "Disconnected" }
            world.vpnConnections[id] = connection
            try start(id, in: &world)
            guard let started = world.vpnConnections[id] else { throw APIError.internalError("Unable to find VPN connection \(id)") }
            return jobResult("vpnconnection") { world.writeVpnConnection(started, into: &$0) }
        }
    }

    static let list = Command(
        "listVpnConnections",
        accepts: [
            "account", "domainid", "fordisplay", "id", "isrecursive", "keyword", "listall", "page", "pagesize", "projectid", "vpcid",
        ]
    ) { world, call, w in
        let query = try ListQuery(call, world: world)
        let id = call.string("id"), vpcID = call.string("vpcid"), display = call.bool("fordisplay")
        let connections = world.vpnConnections.filter { c in
            guard query.includes(account: c.accountID) else { return false }
            if let id, c.id != id { return false }
            if let vpcID, world.vpnGateways[c.vpnGatewayID]?.vpcID != vpcID { return false }
            if let display, c.forDisplay != display { return false }
            return true
        }
        query.write(connections, item: "vpnconnection", into: &w) { connection, w in world.writeVpnConnection(connection, into: &w) }
    }

    /// `startVpnConnection`: only from `Pending` or `Disconnected`; the simulated router always applies it.
    private static func start(_ id: String, in world: inout World) throws {
        guard var connection = world.vpnConnections[id] else { throw APIError.internalError("Unable to find VPN connection \(id)") }
        guard connection.state == "Pending" || connection.state == "Disconnected" else {
            throw APIError.invalid(
                "Site to site VPN connection with specified connectionId not in correct state(pending or disconnected) to process!")
        }
        connection.state = connection.passive ? "Disconnected" : "Connected"
        world.vpnConnections[id] = connection
    }
}
