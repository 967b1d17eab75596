import JSON

/// listNetworks, createNetwork, deleteNetwork, listNetworkOfferings, listVPCs, createVPC, deleteVPC, listVPCOfferings.
enum NetworkCommands {
    static let all: [Command] = [list, create, delete, offerings, listVPCs, createVPC, deleteVPC, vpcOfferings]

    static let list = Command(
        "listNetworks",
        accepts: [
            "account", "domainid", "id", "isrecursive", "keyword", "listall", "page", "pagesize", "tags", "type", "vpcid", "zoneid",
            "canusefordeploy", "forvpc", "issystem", "traffictype", "networkofferingid", "displaynetwork",
        ]
    ) { world, call, w in
        let query = try ListQuery(call, world: world)
        let id = call.string("id"), type = call.string("type")?.lowercased(), zoneID = call.string("zoneid")
        let vpcID = call.string("vpcid"), forVPC = call.bool("forvpc")
        let networks = world.networks.filter { n in
            // Shared networks are visible to every account, as zone-wide networks are.
            if let owner = n.accountID, !query.includes(account: owner) { return false }
            if let id, n.id != id { return false }
            if let type, n.type.lowercased() != type { return false }
            if let zoneID, n.zoneID != zoneID { return false }
            if let vpcID, n.vpcID != vpcID { return false }
            if let forVPC, (n.vpcID != nil) != forVPC { return false }
            return query.matchesKeyword(n.name, n.displayText) && query.matchesTags(world.tags(of: n.id))
        }
        query.write(networks, item: "network", into: &w) { network, w in world.writeNetwork(network, into: &w) }
    }

    static let create = Command(
        "createNetwork", required: ["name", "networkofferingid", "zoneid"],
        accepts: [
            "account", "displaytext", "domainid", "gateway", "netmask", "vpcid", "startip", "endip", "vlan", "acltype",
            "networkdomain", "aclid",
        ]
    ) { world, call, w in
        let owner = try call.owner(in: world)
        let zone = try call.requiredEntity(world.zones, "zoneid")
        let offeringID = try call.required("networkofferingid")
        guard let offering = world.guestNetworkOfferings.first(where: { $0.id == offeringID }) else {
            throw APIError.invalidUUID(call.name, "networkofferingid", offeringID)
        }
        guard zone.networkType == "Advanced" else {
            throw APIError.invalid("Network creation is not allowed in zone \(zone.id) of type \(zone.networkType)")
        }
        let vpc = try call.entity(world.vpcs, "vpcid")
        if let vpc { try call.checkAccess(vpc.accountID, resource: "Vpc \(vpc.id)") }
        // NetworkServiceImpl.createGuestNetwork: the offering's forvpc must match whether a VPC is named.
        if vpc != nil && !offering.forVPC { throw APIError.invalid("Network offering can't be used for VPC networks") }
        if vpc == nil && offering.forVPC { throw APIError.invalid("Network offering can be used for VPC networks only") }
        var gateway = "10.\(100 + world.networks.count % 150).0.1", netmask = "255.255.0.0"
        if let g = call.string("gateway"), let m = call.string("netmask") {
            guard CIDR.isValidAddress(g), CIDR.isValidNetmask(m) else { throw APIError.invalid("Invalid gateway or netmask") }
            gateway = g
            netmask = m
        } else if vpc != nil {
            throw APIError.invalid("Gateway/netmask are required when create network for VPC")
        }
        let cidr = CIDR.network(gateway: gateway, netmask: netmask)
        if let vpc { try NetworkCommands.checkTier(cidr, zone: zone.id, in: vpc, world: world) }
        let name = try call.required("name")
        let network = Network(
            id: world.ids.next(), name: name, displayText: call.string("displaytext") ?? name,
            accountID: owner.id, zoneID: zone.id, type: "Isolated", cidr: cidr, gateway: gateway, netmask: netmask,
            state: "Allocated", networkOfferingID: offering.id, vpcID: vpc?.id,
            aclID: try NetworkACLCommands.tierACL(call, world: world, vpc: vpc),
            created: call.nowSeconds)
        world.networks[network.id] = network
        w.beginObject()
        w.key("network")
        world.writeNetwork(network, into: &w)
        w.endObject()
    }

    static let delete = Command("deleteNetwork", async: true, required: ["id"], accepts: ["forced"]) { world, call, w in
        let network = try call.requiredEntity(world.networks, "id")
        guard let owner = network.accountID else { throw APIError.permission("Only admins can delete shared networks") }
        try call.checkAccess(owner, resource: "Network \(network.id)")
        let id = network.id
        _ = call.startJob(&world, into: &w, instanceType: "Network", instanceID: id) { world, _ in
            // NetworkOrchestrator.destroyNetwork refuses while a VM not yet expunged (a Destroyed one too) is on the
            // network, logging why and returning false; DeleteNetworkCmd then fails the job with this text only.
            if world.virtualMachines.all.contains(where: { vm in vm.nics.contains { $0.networkID == id } }) {
                throw APIError.internalError("Failed to delete network")
            }
            world.networks[id] = nil
            world.removeTags(of: id) { _ in true }
            return AsyncJobBody.success
        }
    }

    static let offerings = Command(
        "listNetworkOfferings",
        accepts: ["id", "keyword", "name", "page", "pagesize", "zoneid", "forvpc", "guestiptype", "state", "isdefault"]
    ) { world, call, w in
        let query = try ListQuery(call, world: world)
        let id = call.string("id"), name = call.string("name"), forVPC = call.bool("forvpc")
        let guestIPType = call.string("guestiptype")?.lowercased()
        let rows = world.guestNetworkOfferings.filter { row in
            if let id, row.id != id { return false }
            if let name, row.name != name { return false }
            if let forVPC, row.forVPC != forVPC { return false }
            if let guestIPType, guestIPType != "isolated" { return false }
            return query.matchesKeyword(row.name, row.displayText)
        }
        query.write(rows, item: "networkoffering", into: &w) { row, w in world.writeNetworkOffering(row, into: &w) }
    }

    static let listVPCs = Command(
        "listVPCs",
        accepts: [
            "account", "cidr", "displaytext", "domainid", "id", "isrecursive", "keyword", "listall", "name", "page", "pagesize",
            "state", "tags", "vpcofferingid", "zoneid",
        ]
    ) { world, call, w in
        let query = try ListQuery(call, world: world)
        let id = call.string("id"), name = call.string("name"), zoneID = call.string("zoneid"), state = call.string("state")?.lowercased()
        let vpcs = world.vpcs.filter { v in
            guard query.includes(account: v.accountID) else { return false }
            if let id, v.id != id { return false }
            if let name, v.name != name { return false }
            if let zoneID, v.zoneID != zoneID { return false }
            if let state, v.state.lowercased() != state { return false }
            return query.matchesKeyword(v.name, v.displayText) && query.matchesTags(world.tags(of: v.id))
        }
        query.write(vpcs, item: "vpc", into: &w) { vpc, w in world.writeVPC(vpc, into: &w) }
    }

    static let createVPC = Command(
        "createVPC", async: true, required: ["cidr", "displaytext", "name", "vpcofferingid", "zoneid"],
        accepts: ["account", "domainid", "networkdomain", "start", "fordisplay"]
    ) { world, call, w in
        let owner = try call.owner(in: world)
        let zone = try call.requiredEntity(world.zones, "zoneid")
        let offering = try call.required("vpcofferingid")
        guard offering == world.vpcOfferingID else { throw APIError.invalidUUID(call.name, "vpcofferingid", offering) }
        let cidr = try call.required("cidr")
        guard CIDR.isValid(cidr) else { throw APIError.invalid("Invalid CIDR specified \(cidr)") }
        guard zone.networkType == "Advanced" else {
            throw APIError.invalid("Can't create VPC in zone \(zone.name) of type \(zone.networkType)")
        }
        let id = world.ids.next()
        world.vpcs[id] = VPC(
            id: id, name: try call.required("name"), displayText: try call.required("displaytext"), accountID: owner.id,
            zoneID: zone.id, cidr: cidr, state: "Inactive", created: call.nowSeconds,
            networkDomain: call.string("networkdomain"))
        let jobID = call.startJob(&world, into: &w, instanceType: "Vpc", instanceID: id, createdID: id) { world, now in
            guard var vpc = world.vpcs[id] else { throw APIError.internalError("VPC \(id) is gone") }
            vpc.state = "Enabled"
            world.vpcs[id] = vpc
            let ipID = world.ids.next()
            world.publicIPs[ipID] = PublicIPAddress(
                id: ipID, address: world.nextPublicAddress(zone: zone), accountID: vpc.accountID,
                zoneID: vpc.zoneID, vpcID: id, isSourceNat: true, state: "Allocated", allocated: now)
            return jobResult("vpc") { world.writeVPC(vpc, into: &$0) }
        }
        world.vpcs[id]?.pendingJobID = jobID
    }

    static let deleteVPC = Command("deleteVPC", async: true, required: ["id"]) { world, call, w in
        let vpc = try call.requiredEntity(world.vpcs, "id")
        try call.checkAccess(vpc.accountID, resource: "Vpc \(vpc.id)")
        let id = vpc.id
        _ = call.startJob(&world, into: &w, instanceType: "Vpc", instanceID: id) { world, _ in
            // VpcManagerImpl.destroyVpc refuses a VPC that still has tiers (InvalidParameterValueException; the job fails 530).
            let tiers = world.networks.all.filter { $0.vpcID == id }.count
            if tiers > 0 { throw APIError.invalid("Can't delete VPC \(id) as its used by \(tiers) networks") }
            for ip in world.publicIPs.all where ip.vpcID == id { world.publicIPs[ip.id] = nil }
            world.removeRouting(ofVPC: id)
            world.vpcs[id] = nil
            world.removeTags(of: id) { _ in true }
            return AsyncJobBody.success
        }
    }

    static let vpcOfferings = Command(
        "listVPCOfferings", accepts: ["id", "keyword", "name", "page", "pagesize", "zoneid", "state", "isdefault"]
    ) { world, call, w in
        let query = try ListQuery(call, world: world)
        let name = call.string("name")
        let rows = [world.vpcOfferingID].filter {
            (call.string("id") ?? $0) == $0 && (name ?? "Default VPC offering") == "Default VPC offering"
                && query.matchesKeyword("Default VPC offering")
        }
        query.write(rows, item: "vpcoffering", into: &w) { id, w in
            w.beginObject()
            w.member("id", id)
            w.member("name", "Default VPC offering")
            w.member("displaytext", "Default VPC offering")
            w.member("isdefault", true)
            w.member("state", "Enabled")
            w.member("distributedvpcrouter", false)
            w.member("supportsregionLevelvpc", false)
            w.member("internetprotocol", "IPv4")
            w.endObject()
        }
    }

    /// VpcManagerImpl.validateNtwkOffForNtwkInVpc: a tier lies in its VPC's zone and CIDR and overlaps no other tier.
    static func checkTier(_ cidr: String, zone: String, in vpc: VPC, world: World) throws {
        guard zone == vpc.zoneID else { throw APIError.invalid("New network doesn't belong to vpc zone") }
        guard CIDR.contains(vpc.cidr, cidr) else {
            throw APIError.invalid("Network cidr \(cidr) is not within vpc VPC[\(vpc.id)|\(vpc.name)] cidr")
        }
        if let other = world.networks.all.first(where: { $0.vpcID == vpc.id && CIDR.overlaps($0.cidr, cidr) }) {
            throw APIError.invalid(
                "Network cidr \(cidr) crosses other network cidr Ntwk[\(other.id)|\(other.name)] belonging to the same vpc VPC[\(vpc.id)|\(vpc.name)]"
            )
        }
    }
}
