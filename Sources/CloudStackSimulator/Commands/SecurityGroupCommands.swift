import JSON

/// list/create/deleteSecurityGroup, authorize/revokeSecurityGroupIngress and Egress.
enum SecurityGroupCommands {
    static let all: [Command] = [
        list, create, delete, authorize(ingress: true), authorize(ingress: false), revoke(ingress: true), revoke(ingress: false),
    ]

    static let list = Command(
        "listSecurityGroups",
        accepts: [
            "account", "domainid", "id", "isrecursive", "keyword", "listall", "page", "pagesize", "projectid", "securitygroupname",
            "tags", "virtualmachineid",
        ]
    ) { world, call, w in
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

    static let create = Command("createSecurityGroup", required: ["name"], accepts: ["account", "description", "domainid", "projectid"]) {
        world, call, w in
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
        if group.name.lowercased() == "default" { throw APIError.invalid("The network group default is reserved") }
        let ownerName = world.accounts[group.accountID]?.name
        if world.securityGroups.all.contains(where: { g in
            (g.ingress + g.egress).contains { $0.groupName == group.name && $0.groupAccount == ownerName }
        }) {
            throw APIError(code: 536, csCode: 9999, text: "Cannot delete group when there are security rules that allow this group")
        }
        if world.virtualMachines.all.contains(where: { $0.securityGroupIDs.contains(group.id) && $0.state != "Expunging" }) {
            throw APIError(code: 536, csCode: 9999, text: "Cannot delete group when it's in use by virtual machines")
        }
        world.securityGroups[group.id] = nil
        world.removeTags(of: group.id) { _ in true }
        w.beginObject()
        w.member("success", true)
        w.endObject()
    }

    /// Validates a rule request as `SecurityGroupManagerImpl.authorizeSecurityGroupRule` does (in the
    /// job, so failures are 530 job results) and builds the candidate rules.
    static func requestedRules(_ world: inout World, _ call: Call, owner: Account) throws -> [SecurityGroupRule] {
        let cidrs = call.list("cidrlist")
        let groups = call.map("usersecuritygrouplist")
        if cidrs == nil && groups.isEmpty {
            throw APIError.invalid("At least one cidr or at least one security group needs to be specified")
        }
        for cidr in cidrs ?? [] where !CIDR.isValid(cidr) { throw APIError.invalid("Invalid cidr \(cidr)") }
        let proto = (call.string("protocol") ?? "all").lowercased()
        let isNumber = Int(proto).map { (0...255).contains($0) } ?? false
        guard ["tcp", "udp", "icmp", "all"].contains(proto) || isNumber else { throw APIError.invalid("Invalid protocol \(proto)") }
        let start = try call.int("startport"), end = try call.int("endport")
        let icmpType = try call.int("icmptype"), icmpCode = try call.int("icmpcode")
        var first: Int, second: Int
        func text(_ value: Int?) -> String { value.map(String.init) ?? "null" }
        if proto == "icmp" {
            guard let type = icmpType, let code = icmpCode else {
                throw APIError.invalid("Invalid ICMP type/code specified, icmpType = \(text(icmpType)), icmpCode = \(text(icmpCode))")
            }
            if type == -1 && code != -1 { throw APIError.invalid("Invalid icmp code") }
            if type != -1 && code == -1 { throw APIError.invalid("Invalid icmp code: need non-negative icmp code ") }
            if code > 255 || type > 255 || code < -1 || type < -1 { throw APIError.invalid("Invalid icmp type/code ") }
            (first, second) = (type, code)
        } else if proto == "all" {
            if start != nil || end != nil { throw APIError.invalid("Cannot specify startPort or endPort without specifying protocol") }
            (first, second) = (0, 0)
        } else {
            guard let s = start, var e = end else {
                throw APIError.invalid("Invalid port range specified, startPort = \(text(start)), endPort = \(text(end))")
            }
            if s == 0 && e == 0 { e = 65535 }
            if s > e { throw APIError.invalid("Invalid port range \(s):\(e)") }
            if s > 65535 || e > 65535 || s < -1 || e < -1 { throw APIError.invalid("Invalid port numbers \(s):\(e)") }
            if s < 0 || e < 0 { throw APIError.invalid("Invalid port range \(s):\(e)") }
            (first, second) = (s, e)
        }
        let isICMP = proto == "icmp"
        func rule(cidr: String?, group: String?, account: String?) -> SecurityGroupRule {
            SecurityGroupRule(
                ruleID: world.ids.next(), protocolName: proto, startPort: isICMP ? nil : first, endPort: isICMP ? nil : second,
                icmpType: isICMP ? first : nil, icmpCode: isICMP ? second : nil, cidr: cidr, groupName: group,
                groupAccount: account)
        }
        var rules: [SecurityGroupRule] = []
        for entry in groups {
            guard let groupName = entry["group"], let accountName = entry["account"] else {
                throw APIError.invalid(
                    "Invalid user group specified, fields 'group' and 'account' cannot be null, please specify groups in the form:  userGroupList[0].group=XXX&userGroupList[0].account=YYY"
                )
            }
            guard let account = world.accounts.all.first(where: { $0.name == accountName && $0.domainID == owner.domainID }) else {
                throw APIError.invalid(
                    "Nonexistent account: \(accountName) when trying to authorize security group rule  for \(owner.id):\(proto):\(first):\(second)"
                )
            }
            guard world.securityGroups.all.contains(where: { $0.accountID == account.id && $0.name == groupName }) else {
                throw APIError.invalid(
                    "Nonexistent group \(groupName) for account \(accountName)/\(owner.domainID) is given, unable to authorize security group rule."
                )
            }
            rules.append(rule(cidr: nil, group: groupName, account: accountName))
        }
        for cidr in cidrs ?? [] { rules.append(rule(cidr: cidr, group: nil, account: nil)) }
        return rules
    }

    static func authorize(ingress: Bool) -> Command {
        Command(
            ingress ? "authorizeSecurityGroupIngress" : "authorizeSecurityGroupEgress", async: true,
            accepts: [
                "account", "cidrlist", "domainid", "endport", "icmpcode", "icmptype", "projectid", "protocol", "securitygroupid",
                "securitygroupname", "startport", "usersecuritygrouplist",
            ]
        ) { world, call, w in
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
                throw APIError.invalid(
                    "Either securitygroupid or securitygroupname is required by authorizeSecurityGroup\(ingress ? "Ingress" : "Egress") command"
                )
            }
            let groupID = group.id
            let result: Result<[SecurityGroupRule], APIError>
            do { result = .success(try requestedRules(&world, call, owner: world.accounts[group.accountID] ?? owner)) } catch let error
                as APIError
            { result = .failure(error) }
            let word = ingress ? "ingress" : "egress"
            _ = call.startJob(&world, into: &w, instanceType: "SecurityGroup", instanceID: groupID) { world, _ in
                let rules = try result.get()
                guard var current = world.securityGroups[groupID] else { throw APIError.internalError("Security group \(groupID) is gone") }
                // Rules that already exist are skipped; nothing new at all fails the command.
                let existing = ingress ? current.ingress : current.egress
                let added = rules.filter { rule in !existing.contains { $0.sameTraffic(as: rule) } }
                if added.isEmpty { throw APIError.internalError("Failed to authorize security group \(word) rule(s)") }
                if ingress { current.ingress += added } else { current.egress += added }
                world.securityGroups[groupID] = current
                var reply = current
                reply.ingress = ingress ? added : []
                reply.egress = ingress ? [] : added
                return jobResult("securitygroup") { world.writeSecurityGroup(reply, into: &$0) }
            }
        }
    }

    static func revoke(ingress: Bool) -> Command {
        Command(ingress ? "revokeSecurityGroupIngress" : "revokeSecurityGroupEgress", async: true, required: ["id"]) { world, call, w in
            let ruleID = try call.required("id")
            guard let group = world.securityGroups.all.first(where: { g in (g.ingress + g.egress).contains { $0.ruleID == ruleID } }) else {
                throw APIError.invalidUUID(call.name, "id", ruleID)
            }
            let isIngressRule = group.ingress.contains { $0.ruleID == ruleID }
            try call.checkAccess(group.accountID, resource: "SecurityGroup \(group.id)")
            let groupID = group.id
            _ = call.startJob(&world, into: &w, instanceType: "SecurityGroup", instanceID: groupID) { world, _ in
                guard isIngressRule == ingress else { throw APIError.invalid("Mismatch in rule type for security rule with id \(ruleID)") }
                guard var current = world.securityGroups[groupID] else { throw APIError.internalError("Security group \(groupID) is gone") }
                if ingress { current.ingress.removeAll { $0.ruleID == ruleID } } else { current.egress.removeAll { $0.ruleID == ruleID } }
                world.securityGroups[groupID] = current
                return AsyncJobBody.success
            }
        }
    }
}
