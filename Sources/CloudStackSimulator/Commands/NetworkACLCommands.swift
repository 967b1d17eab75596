import JSON

/// listNetworkACLLists, createNetworkACLList, deleteNetworkACLList, replaceNetworkACLList, listNetworkACLs,
/// createNetworkACL, updateNetworkACLItem, deleteNetworkACL (`NetworkACLServiceImpl` in 4.18).
enum NetworkACLCommands {
    static let all: [Command] = [listLists, createList, deleteList, replaceList, listItems, createItem, updateItem, deleteItem]

    static let listLists = Command(
        "listNetworkACLLists",
        accepts: [
            "account", "domainid", "fordisplay", "id", "isrecursive", "keyword", "listall", "name", "networkid", "page", "pagesize",
            "projectid", "vpcid",
        ]
    ) { world, call, w in
        let query = try ListQuery(call, world: world)
        let id = call.string("id"), name = call.string("name"), vpcID = call.string("vpcid")
        let networkACL = try call.entity(world.networks, "networkid").map { $0.aclID ?? "" }
        let lists = world.networkACLLists.filter { list in
            // The built-in lists (vpc_id 0) are listed for every caller and with every vpcid.
            if let owner = list.vpcID.flatMap({ world.vpcs[$0]?.accountID }), !query.includes(account: owner) { return false }
            if let id, list.id != id { return false }
            if let name, list.name != name { return false }
            if let vpcID, let own = list.vpcID, own != vpcID { return false }
            if let networkACL, list.id != networkACL { return false }
            return query.matchesKeyword(list.name, list.description)
        }
        query.write(lists, item: "networkacllist", into: &w) { list, w in world.writeNetworkACLList(list, into: &w) }
    }

    static let createList = Command(
        "createNetworkACLList", async: true, required: ["name", "vpcid"], accepts: ["description", "fordisplay"]
    ) { world, call, w in
        let vpc = try call.requiredEntity(world.vpcs, "vpcid")
        try call.checkAccess(vpc.accountID, resource: "Vpc \(vpc.id)")
        let id = world.ids.next()
        let list = NetworkACLList(id: id, name: try call.required("name"), description: call.string("description") ?? "", vpcID: vpc.id)
        world.networkACLLists[id] = list
        _ = call.startJob(&world, into: &w, instanceType: "NetworkAcl", instanceID: id, createdID: id) { world, _ in
            guard let list = world.networkACLLists[id] else { throw APIError.internalError("Unable to find network ACL \(id)") }
            return jobResult("networkacllist") { world.writeNetworkACLList(list, into: &$0) }
        }
    }

    static let deleteList = Command("deleteNetworkACLList", async: true, required: ["id"]) { world, call, w in
        let list = try call.requiredEntity(world.networkACLLists, "id")
        guard let vpcID = list.vpcID else { throw APIError.invalid("Default Network ACL cannot be removed") }
        try call.checkAccess(world.vpcs[vpcID]?.accountID, resource: "Vpc \(vpcID)")
        if world.networks.all.contains(where: { $0.aclID == list.id }) || world.privateGateways.all.contains(where: { $0.aclID == list.id })
        {
            throw APIError.invalid("ACL is still associated with network(s)")
        }
        let id = list.id
        _ = call.startJob(&world, into: &w, instanceType: "NetworkAcl", instanceID: id) { world, _ in
            for item in world.networkACLItems.all where item.aclID == id { world.networkACLItems[item.id] = nil }
            world.networkACLLists[id] = nil
            return AsyncJobBody.success
        }
    }

    static let replaceList = Command("replaceNetworkACLList", async: true, required: ["aclid"], accepts: ["gatewayid", "networkid"]) {
        world, call, w in
        let list = try call.requiredEntity(world.networkACLLists, "aclid")
        if call.has("networkid") == call.has("gatewayid") {
            throw APIError.invalid("Network ID and private gateway can't be passed at the same time")
        }
        if let network = try call.entity(world.networks, "networkid") {
            guard let vpcID = network.vpcID else { throw APIError.invalid("Network is not part of a VPC: \(network.id)") }
            try call.checkAccess(network.accountID, resource: "Network \(network.id)")
            if let own = list.vpcID, own != vpcID { throw APIError.invalid("Network ACL and network should belong to the same VPC") }
            let id = network.id, aclID = list.id
            _ = call.startJob(&world, into: &w, instanceType: "Network", instanceID: id) { world, _ in
                world.networks[id]?.aclID = aclID
                return AsyncJobBody.success
            }
        } else {
            let gateway = try call.requiredEntity(world.privateGateways, "gatewayid")
            try call.checkAccess(gateway.accountID, resource: "PrivateGateway \(gateway.id)")
            if let own = list.vpcID, own != gateway.vpcID {
                throw APIError.invalid("Network ACL and private gateway should belong to the same VPC")
            }
            let id = gateway.id, aclID = list.id
            _ = call.startJob(&world, into: &w, instanceType: "PrivateGateway", instanceID: id) { world, _ in
                world.privateGateways[id]?.aclID = aclID
                return AsyncJobBody.success
            }
        }
    }

    static let listItems = Command(
        "listNetworkACLs",
        accepts: [
            "account", "aclid", "action", "domainid", "fordisplay", "id", "isrecursive", "keyword", "listall", "networkid", "page",
            "pagesize", "projectid", "protocol", "tags", "traffictype",
        ]
    ) { world, call, w in
        let query = try ListQuery(call, world: world)
        let id = call.string("id"), aclID = call.string("aclid"), action = call.string("action")?.lowercased()
        let traffic = call.string("traffictype")?.lowercased(), proto = call.string("protocol")?.lowercased()
        let networkACL = try call.entity(world.networks, "networkid").map { $0.aclID ?? "" }
        let items = world.networkACLItems.filter { item in
            guard let list = world.networkACLLists[item.aclID] else { return false }
            if let owner = list.vpcID.flatMap({ world.vpcs[$0]?.accountID }), !query.includes(account: owner) { return false }
            if let id, item.id != id { return false }
            if let aclID, item.aclID != aclID { return false }
            if let networkACL, item.aclID != networkACL { return false }
            if let action, item.action.lowercased() != action { return false }
            if let traffic, item.trafficType.lowercased() != traffic { return false }
            if let proto, item.protocolName.lowercased() != proto { return false }
            return query.matchesTags(world.tags(of: item.id))
        }.sorted { ($0.aclID, $0.number) < ($1.aclID, $1.number) }
        query.write(items, item: "networkacl", into: &w) { item, w in world.writeNetworkACLItem(item, into: &w) }
    }

    static let createItem = Command(
        "createNetworkACL", async: true, required: ["protocol"],
        accepts: [
            "aclid", "action", "cidrlist", "endport", "fordisplay", "icmpcode", "icmptype", "networkid", "number", "reason", "startport",
            "traffictype",
        ]
    ) { world, call, w in
        var aclID = call.string("aclid")
        if aclID == nil, let network = try call.entity(world.networks, "networkid") {
            guard network.vpcID != nil else { throw APIError.invalid("Network \(network.id) is not part of a VPC") }
            aclID = network.aclID
        }
        guard let aclID else { throw APIError.invalid("ACL id or network id must be specified") }
        guard let list = world.networkACLLists[aclID] else { throw APIError.invalidUUID(call.name, "aclid", aclID) }
        guard let vpcID = list.vpcID else { throw APIError.invalid("Default ACL cannot be modified") }
        try call.checkAccess(world.vpcs[vpcID]?.accountID, resource: "Vpc \(vpcID)")
        let number = try call.int("number") ?? (world.networkACLItems.filter { $0.aclID == aclID }.map(\.number).max() ?? 0) + 1
        var item = NetworkACLItem(
            id: world.ids.next(), aclID: aclID, number: number, protocolName: "", cidrList: [], action: "Allow",
            trafficType: "Ingress", reason: call.string("reason"))
        try NetworkACLItemRules.apply(call, to: &item, creating: true)
        if world.networkACLItems.all.contains(where: { $0.aclID == aclID && $0.number == number }) {
            throw APIError.invalid("ACL item with number \(number) already exists in ACL: \(list.id)")
        }
        world.networkACLItems[item.id] = item
        let id = item.id
        _ = call.startJob(&world, into: &w, instanceType: "NetworkAclItem", instanceID: id, createdID: id) { world, _ in
            guard let item = world.networkACLItems[id] else { throw APIError.internalError("Unable to find network ACL item \(id)") }
            return jobResult("networkacl") { world.writeNetworkACLItem(item, into: &$0) }
        }
    }

    static let updateItem = Command(
        "updateNetworkACLItem", async: true, required: ["id"],
        accepts: [
            "action", "cidrlist", "customid", "endport", "fordisplay", "icmpcode", "icmptype", "number", "partialupgrade", "protocol",
            "reason", "startport", "traffictype",
        ]
    ) { world, call, w in
        var item = try call.requiredEntity(world.networkACLItems, "id")
        guard let vpcID = world.networkACLLists[item.aclID]?.vpcID else { throw APIError.invalid("Default ACL cannot be modified") }
        try call.checkAccess(world.vpcs[vpcID]?.accountID, resource: "Vpc \(vpcID)")
        if let number = try call.int("number"), number != item.number {
            if world.networkACLItems.all.contains(where: { $0.aclID == item.aclID && $0.number == number }) {
                throw APIError.invalid("ACL item with number \(number) already exists in ACL: \(item.aclID)")
            }
            item.number = number
        }
        try NetworkACLItemRules.apply(call, to: &item, creating: false)
        if let reason = call.string("reason") { item.reason = reason }
        world.networkACLItems[item.id] = item
        let id = item.id
        _ = call.startJob(&world, into: &w, instanceType: "NetworkAclItem", instanceID: id) { world, _ in
            guard let item = world.networkACLItems[id] else { throw APIError.internalError("Unable to find network ACL item \(id)") }
            return jobResult("networkacl") { world.writeNetworkACLItem(item, into: &$0) }
        }
    }

    static let deleteItem = Command("deleteNetworkACL", async: true, required: ["id"]) { world, call, w in
        let item = try call.requiredEntity(world.networkACLItems, "id")
        guard let vpcID = world.networkACLLists[item.aclID]?.vpcID else { throw APIError.invalid("Default ACL cannot be modified") }
        try call.checkAccess(world.vpcs[vpcID]?.accountID, resource: "Vpc \(vpcID)")
        let id = item.id
        _ = call.startJob(&world, into: &w, instanceType: "NetworkAclItem", instanceID: id) { world, _ in
            world.networkACLItems[id] = nil
            return AsyncJobBody.success
        }
    }

    /// The ACL list a new network gets: `aclid` (a list of its VPC or a built-in one), else `default_deny`
    /// for a VPC tier; nil outside VPCs (an `aclid` there is refused).
    static func tierACL(_ call: Call, world: World, vpc: VPC?) throws -> String? {
        let list = try call.entity(world.networkACLLists, "aclid")
        guard let vpc else {
            if list != nil { throw APIError.invalid("Network ACL can be created just for networks of type Isolated in a VPC") }
            return nil
        }
        guard let list else { return world.defaultDenyACLID }
        if let own = list.vpcID, own != vpc.id { throw APIError.invalid("Network ACL and network should belong to the same VPC") }
        return list.id
    }
}
