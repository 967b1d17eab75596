import JSON

/// list/create/deleteSecurityGroup, authorize/revokeSecurityGroupIngress and Egress.
enum SecurityGroupCommands {
    static let all: [Command] = [
        list, create, delete, authorize(ingress: true), authorize(ingress: false), revoke(ingress: true), revoke(ingress: false),
    ]

    static let list = Command("listSecurityGroups", accepts: [
        "account", "domainid", "id", "isrecursive", "keyword", "listall", "page", "pagesize", "projectid", "securitygroupname",
        "tags", "virtualmachineid",
    ]) { world, call, w in
        let query = try ListQuery(call, world: world)
        let id = call.string("id"), name = call.string("securitygroupname")
        let vm = try call.entity(world.virtualMachines, "virtualmachineid")
        let groups = world.securityGroups.filter { g in
            guard query.includes(account: g.accountID) else { return false }
            if let id, g.id != id { return false }
            if let name, g.name != name { return false }
            if let vm, !vm.securityGroupIDs.contains(g.id) { return false }
            return query.matchesKeyword(g.name, g.description) && query.matchesTags(world.tags(of: g.id))
        }
        query.write(groups, item: "securitygroup", into: &w) { group, w in world.writeSecurityGroup(group, into: &w) }
    }

    static let create = Command("createSecurityGroup", required: ["name"], accepts: ["account", "description", "domainid", "projectid"]) { world, call, w in
        let owner = try call.owner(in: world)
        let name = try call.required("name")
        if world.securityGroups.all.contains(where: { $0.accountID == owner.id && $0.name.lowercased() == name.lowercased() }) {
            throw APIError.invalid("Unable to create security group, a group with name \(name) already exisits.")
        }
        let group = SecurityGroup(id: world.ids.next(), name: name, description: call.string("description") ?? name, accountID: owner.id)
        world.securityGroups[group.id] = group
        w.beginObject()
        w.key("securitygroup")
        world.writeSecurityGroup(group, into: &w)
        w.endObject()
    }

    static let delete = Command("deleteSecurityGroup", accepts: ["account", "domainid", "id", "name", "projectid"]) { world, call, w in
        let owner = try call.owner(in: world)
        let group: SecurityGroup
        if let byID = try call.entity(world.securityGroups, "id") {
            try call.checkAccess(byID.accountID, resource: "SecurityGroup \(byID.id)")
            group = byID
        } else if let name = call.string("name") {
            guard let byName = world.securityGroups.all.first(where: { $0.accountID == owner.id && $0.name == name }) else {
                throw APIError.invalid("Unable to find security group by name \(name) for the account id=\(owner.number)")
            }
            group = byName
        } else {
            throw APIError.invalid("Either id or name parameter is required by deleteSecurityGroup command")
        }
        if group.name == "default" { throw APIError.invalid("The network default group cannot be deleted") }
        if world.virtualMachines.all.contains(where: { $0.securityGroupIDs.contains(group.id) && $0.state != "Expunging" }) {
            throw APIError(code: 536, csCode: 9999, text: "Cannot delete group when it's in use by virtual machines")
        }
        world.securityGroups[group.id] = nil
        world.removeTags(of: group.id) { _ in true }
        w.beginObject()
        w.member("success", true)
        w.endObject()
    }

    /// Builds the rules a request asks for, checking protocol, ports and ICMP as `SecurityGroupManagerImpl` does.
    static func requestedRules(_ world: inout World, _ call: Call, owner: Account) throws -> [SecurityGroupRule] {
        let proto = (call.string("protocol") ?? "all").lowercased()
        var start = try call.int("startport"), end = try call.int("endport")
        var icmpType = try call.int("icmptype"), icmpCode = try call.int("icmpcode")
        switch proto {
        case "tcp", "udp":
            guard let s = start, let e = end, (0...65535).contains(s), (0...65535).contains(e), s <= e else {
                throw APIError.invalid("Invalid port range \(start.map(String.init) ?? "null"):\(end.map(String.init) ?? "null")")
            }
            icmpType = nil
            icmpCode = nil
        case "icmp":
            guard let t = icmpType, let c = icmpCode, (-1...255).contains(t), (-1...255).contains(c) else {
                throw APIError.invalid("Invalid ICMP type/code specified, icmpType = \(icmpType.map(String.init) ?? "null"), icmpCode = \(icmpCode.map(String.init) ?? "null")")
            }
            start = nil
            end = nil
        case "all":
            start = nil; end = nil; icmpType = nil; icmpCode = nil
        default:
            guard let number = Int(proto), (0...255).contains(number) else {
                throw APIError.invalid("Invalid protocol \(proto)")
            }
            start = nil; end = nil; icmpType = nil; icmpCode = nil
        }
        var rules: [SecurityGroupRule] = []
        for cidr in call.list("cidrlist") ?? [] {
            guard CIDR.isValid(cidr) else { throw APIError.invalid("Invalid cidr \(cidr)") }
            rules.append(SecurityGroupRule(ruleID: world.ids.next(), protocolName: proto, startPort: start, endPort: end,
                                           icmpType: icmpType, icmpCode: icmpCode, cidr: cidr))
        }
        for entry in call.map("usersecuritygrouplist") {
            guard let accountName = entry["account"], let groupName = entry["group"] else {
                throw APIError.invalid("Invalid user group specified, fields 'group' and 'account' cannot be null, please specify groups in the form:  userGroupList[0].group=XXX&userGroupList[0].account=YYY")
            }
            guard let account = world.accounts.all.first(where: { $0.name == accountName }),
                  world.securityGroups.all.contains(where: { $0.accountID == account.id && $0.name == groupName }) else {
                throw APIError.invalid("Unable to find security group \(groupName) for account \(accountName)")
            }
            rules.append(SecurityGroupRule(ruleID: world.ids.next(), protocolName: proto, startPort: start, endPort: end,
                                           icmpType: icmpType, icmpCode: icmpCode, groupName: groupName, groupAccount: accountName))
        }
        if rules.isEmpty {
            rules.append(SecurityGroupRule(ruleID: world.ids.next(), protocolName: proto, startPort: start, endPort: end,
                                           icmpType: icmpType, icmpCode: icmpCode, cidr: "0.0.0.0/0"))
        }
        return rules
    }

    static func authorize(ingress: Bool) -> Command {
        Command(ingress ? "authorizeSecurityGroupIngress" : "authorizeSecurityGroupEgress", async: true, accepts: [
            "account", "cidrlist", "domainid", "endport", "icmpcode", "icmptype", "projectid", "protocol", "securitygroupid",
            "securitygroupname", "startport", "usersecuritygrouplist",
        ]) { world, call, w in
            let owner = try call.owner(in: world)
            let group: SecurityGroup
            if let byID = try call.entity(world.securityGroups, "securitygroupid") {
                try call.checkAccess(byID.accountID, resource: "SecurityGroup \(byID.id)")
                group = byID
            } else if let name = call.string("securitygroupname") {
                guard let byName = world.securityGroups.all.first(where: { $0.accountID == owner.id && $0.name == name }) else {
                    throw APIError.invalid("Unable to find security group \(name) for account id=\(owner.number)")
                }
                group = byName
            } else {
                throw APIError.invalid("Either securitygroupid or securitygroupname is required by authorizeSecurityGroup\(ingress ? "Ingress" : "Egress") command")
            }
            let groupID = group.id
            let result: Result<[SecurityGroupRule], APIError>
            do { result = .success(try requestedRules(&world, call, owner: owner)) } catch let error as APIError { result = .failure(error) }
            let word = ingress ? "ingress" : "egress"
            _ = call.startJob(&world, into: &w, instanceType: "SecurityGroup", instanceID: groupID) { world, _ in
                let rules = try result.get()
                guard var current = world.securityGroups[groupID] else { throw APIError.internalError("Security group \(groupID) is gone") }
                let existing = ingress ? current.ingress : current.egress
                if rules.contains(where: { rule in existing.contains { $0.sameTraffic(as: rule) } }) {
                    throw APIError.internalError("Failed to authorize security group \(word) rule(s)")
                }
                if ingress { current.ingress += rules } else { current.egress += rules }
                world.securityGroups[groupID] = current
                var reply = current
                reply.ingress = ingress ? rules : []
                reply.egress = ingress ? [] : rules
                return jobResult("securitygroup") { world.writeSecurityGroup(reply, into: &$0) }
            }
        }
    }

    static func revoke(ingress: Bool) -> Command {
        Command(ingress ? "revokeSecurityGroupIngress" : "revokeSecurityGroupEgress", async: true, required: ["id"]) { world, call, w in
            let ruleID = try call.required("id")
            guard let group = world.securityGroups.all.first(where: { g in (ingress ? g.ingress : g.egress).contains { $0.ruleID == ruleID } }) else {
                throw APIError.invalidUUID(call.name, "id", ruleID)
            }
            try call.checkAccess(group.accountID, resource: "SecurityGroup \(group.id)")
            let groupID = group.id
            _ = call.startJob(&world, into: &w, instanceType: "SecurityGroup", instanceID: groupID) { world, _ in
                guard var current = world.securityGroups[groupID] else { throw APIError.internalError("Security group \(groupID) is gone") }
                if ingress { current.ingress.removeAll { $0.ruleID == ruleID } } else { current.egress.removeAll { $0.ruleID == ruleID } }
                world.securityGroups[groupID] = current
                return AsyncJobBody.success
            }
        }
    }
}
