import JSON

/// createVpnGateway, deleteVpnGateway, listVpnGateways (`Site2SiteVpnManagerImpl` in 4.18).
enum VpnGatewayCommands {
    static let all: [Command] = [create, delete, list]

    static let create = Command("createVpnGateway", async: true, required: ["vpcid"], accepts: ["fordisplay"]) { world, call, w in
        let vpc = try call.requiredEntity(world.vpcs, "vpcid")
        try call.checkAccess(vpc.accountID, resource: "Vpc \(vpc.id)")
        if world.vpnGateways.all.contains(where: { $0.vpcID == vpc.id }) {
            throw APIError.invalid("The VPN gateway of VPC \(vpc.id) already existed!")
        }
        guard let sourceNAT = world.publicIPs.all.first(where: { $0.vpcID == vpc.id && $0.isSourceNat }) else {
            throw APIError.invalid("The VPN gateway cannot create with no source NAT IP for VPC \(vpc.id)")
        }
        let id = world.ids.next()
        world.vpnGateways[id] = VpnGateway(id: id, vpcID: vpc.id, accountID: vpc.accountID, publicIP: sourceNAT.address)
        _ = call.startJob(&world, into: &w, instanceType: nil, instanceID: id, createdID: id) { world, _ in
            guard let gateway = world.vpnGateways[id] else { throw APIError.internalError("Unable to find VPN gateway \(id)") }
            return jobResult("vpngateway") { world.writeVpnGateway(gateway, into: &$0) }
        }
    }

    static let delete = Command("deleteVpnGateway", async: true, required: ["id"]) { world, call, w in
        let gateway = try call.requiredEntity(world.vpnGateways, "id")
        try call.checkAccess(gateway.accountID, resource: "Site2SiteVpnGateway \(gateway.id)")
        let id = gateway.id
        _ = call.startJob(&world, into: &w, instanceType: nil, instanceID: id) { world, _ in
            if world.vpnConnections.all.contains(where: { $0.vpnGatewayID == id }) {
                throw APIError.invalid("Unable to delete VPN gateway \(id) because there is still related VPN connections!")
            }
            world.vpnGateways[id] = nil
            return AsyncJobBody.success
        }
    }

    static let list = Command(
        "listVpnGateways",
        accepts: [
            "account", "domainid", "fordisplay", "id", "isrecursive", "keyword", "listall", "page", "pagesize", "projectid", "vpcid",
        ]
    ) { world, call, w in
        let query = try ListQuery(call, world: world)
        let id = call.string("id"), vpcID = call.string("vpcid")
        let gateways = world.vpnGateways.filter { g in
            guard query.includes(account: g.accountID) else { return false }
            if let id, g.id != id { return false }
            if let vpcID, g.vpcID != vpcID { return false }
            return true
        }
        query.write(gateways, item: "vpngateway", into: &w) { gateway, w in world.writeVpnGateway(gateway, into: &w) }
    }
}
