import JSON

/// listPrivateGateways, createPrivateGateway (root admin only in 4.18), listStaticRoutes,
/// createStaticRoute, deleteStaticRoute (`VpcManagerImpl`).
enum StaticRouteCommands {
    static let all: [Command] = [listGateways, createGateway, listRoutes, createRoute, deleteRoute]

    static let listGateways = Command(
        "listPrivateGateways",
        accepts: [
            "account", "domainid", "id", "ipaddress", "isrecursive", "keyword", "listall", "page", "pagesize", "projectid", "state",
            "vlan", "vpcid",
        ]
    ) { world, call, w in
        let query = try ListQuery(call, world: world)
        let id = call.string("id"), vpcID = call.string("vpcid"), address = call.string("ipaddress"), vlan = call.string("vlan")
        let gateways = world.privateGateways.filter { g in
            guard query.includes(account: g.accountID) else { return false }
            if let id, g.id != id { return false }
            if let vpcID, g.vpcID != vpcID { return false }
            if let address, g.ipAddress != address { return false }
            if let vlan, g.vlan != vlan { return false }
            return true
        }
        query.write(gateways, item: "privategateway", into: &w) { gateway, w in world.writePrivateGateway(gateway, into: &w) }
    }

    static let createGateway = Command(
        "createPrivateGateway", async: true, admin: true, required: ["gateway", "ipaddress", "netmask", "vpcid"],
        accepts: [
            "aclid", "associatednetworkid", "bypassvlanoverlapcheck", "networkofferingid", "physicalnetworkid", "sourcenatsupported",
            "vlan",
        ]
    ) { world, call, w in
        let vpc = try call.requiredEntity(world.vpcs, "vpcid")
        let address = try call.required("ipaddress"), gateway = try call.required("gateway"), netmask = try call.required("netmask")
        guard CIDR.isValidAddress(address), CIDR.isValidAddress(gateway), CIDR.isValidAddress(netmask) else {
            throw APIError.invalid("Invalid gateway, netmask or ip address")
        }
        let vlan = call.string("vlan") ?? ""
        if world.privateGateways.all.contains(where: { $0.vpcID == vpc.id && $0.ipAddress == address }) {
            throw APIError.invalid("Private ip address \(address) is already used in VPC \(vpc.id)")
        }
        var aclID = world.defaultDenyACLID
        if let list = try call.entity(world.networkACLLists, "aclid") {
            if let own = list.vpcID, own != vpc.id {
                throw APIError.invalid("Network ACL and private gateway should belong to the same VPC")
            }
            aclID = list.id
        }
        let id = world.ids.next()
        world.privateGateways[id] = PrivateGateway(
            id: id, vpcID: vpc.id, accountID: vpc.accountID, zoneID: vpc.zoneID, ipAddress: address, gateway: gateway,
            netmask: netmask, vlan: vlan, aclID: aclID, sourceNatSupported: call.bool("sourcenatsupported") ?? false)
        _ = call.startJob(&world, into: &w, instanceType: "PrivateGateway", instanceID: id, createdID: id) { world, _ in
            guard let gateway = world.privateGateways[id] else { throw APIError.internalError("Unable to find private gateway \(id)") }
            return jobResult("privategateway") { world.writePrivateGateway(gateway, into: &$0) }
        }
    }

    static let listRoutes = Command(
        "listStaticRoutes",
        accepts: [
            "account", "domainid", "gatewayid", "id", "isrecursive", "keyword", "listall", "page", "pagesize", "projectid", "state",
            "tags", "vpcid",
        ]
    ) { world, call, w in
        let query = try ListQuery(call, world: world)
        let id = call.string("id"), vpcID = call.string("vpcid"), gatewayID = call.string("gatewayid")
        let state = call.string("state")?.lowercased()
        let routes = world.staticRoutes.filter { r in
            guard query.includes(account: r.accountID) else { return false }
            if let id, r.id != id { return false }
            if let vpcID, r.vpcID != vpcID { return false }
            if let gatewayID, r.gatewayID != gatewayID { return false }
            if let state, r.state.lowercased() != state { return false }
            return query.matchesTags(world.tags(of: r.id))
        }
        query.write(routes, item: "staticroute", into: &w) { route, w in world.writeStaticRoute(route, into: &w) }
    }

    static let createRoute = Command("createStaticRoute", async: true, required: ["cidr", "gatewayid"]) { world, call, w in
        let gateway = try call.requiredEntity(world.privateGateways, "gatewayid")
        try call.checkAccess(gateway.accountID, resource: "PrivateGateway \(gateway.id)")
        let cidr = try call.required("cidr")
        guard CIDR.isValid(cidr) else { throw APIError.invalid("Invalid format for cidr \(cidr)") }
        guard let vpc = world.vpcs[gateway.vpcID] else { throw APIError.internalError("VPC \(gateway.vpcID) is gone") }
        if CIDR.overlaps(cidr, vpc.cidr) { throw APIError.invalid("CIDR should be outside of VPC cidr \(vpc.cidr)") }
        if world.staticRoutes.all.contains(where: { $0.vpcID == vpc.id && $0.cidr == cidr }) {
            throw APIError.invalid("Static route with cidr \(cidr) already exists in vpc \(vpc.id)")
        }
        let id = world.ids.next()
        world.staticRoutes[id] = StaticRoute(
            id: id, gatewayID: gateway.id, vpcID: vpc.id, accountID: vpc.accountID, cidr: cidr, state: "Add")
        _ = call.startJob(&world, into: &w, instanceType: "StaticRoute", instanceID: id, createdID: id) { world, _ in
            guard var route = world.staticRoutes[id] else { throw APIError.internalError("Unable to find static route \(id)") }
            route.state = "Active"
            world.staticRoutes[id] = route
            return jobResult("staticroute") { world.writeStaticRoute(route, into: &$0) }
        }
    }

    static let deleteRoute = Command("deleteStaticRoute", async: true, required: ["id"]) { world, call, w in
        let route = try call.requiredEntity(world.staticRoutes, "id")
        try call.checkAccess(route.accountID, resource: "StaticRoute \(route.id)")
        let id = route.id
        _ = call.startJob(&world, into: &w, instanceType: "StaticRoute", instanceID: id) { world, _ in
            world.staticRoutes[id] = nil
            world.removeTags(of: id) { _ in true }
            return AsyncJobBody.success
        }
    }
}
