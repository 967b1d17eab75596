import CloudStack

extension MethodCall {
    /// The caller's security groups and every firewall, sorted by name: those their tagged rules make
    /// [listSecurityGroups] and those tagged items of the VPCs' `gce-firewalls` ACL lists make [listNetworkACLs, and
    /// only when one is tagged listNetworkACLLists and the network map to name their networks].
    func firewallRecords() async throws(GCEError) -> (groups: [SecurityGroup], records: [FirewallRecord]) {
        let groups = try await listAll(CommandTable.listSecurityGroups)
        let records = FirewallRecord.all(in: groups, links: links) + (try await networkACLFirewallRecords())
        return (groups, records.sorted { $0.firewall.name < $1.firewall.name })
    }

    /// The firewalls of VPC networks: one listNetworkACLs for all the caller's items, kept when in a `gce-firewalls`
    /// list and tagged; their lists' VPCs and networks are read only when there is one.
    private func networkACLFirewallRecords() async throws(GCEError) -> [FirewallRecord] {
        let items = try await listAll(CommandTable.listNetworkACLs).filter { item in
            item.aclname == FirewallList.name && item.tags.contains { $0.key == FirewallRecord.Key.id }
        }
        guard !items.isEmpty else { return [] }
        var vpcOfList: [String: String] = [:]
        for list in try await listAll(CommandTable.listNetworkACLLists, ["name": FirewallList.name]) where list.name == FirewallList.name {
            if let id = list.id, let vpc = list.vpcid { vpcOfList[id] = vpc }
        }
        var networkOfVPC: [String: String] = [:]
        for entry in try await networkMap().entries {
            if let id = entry.vpc?.id { networkOfVPC[id] = entry.name }
        }
        return FirewallRecord.all(in: items, vpcOfList: vpcOfList, networkOfVPC: networkOfVPC, links: links)
    }

    /// The network a firewall body names, as a target [nothing for `default`, else the network map]: 404 when there
    /// is no such network, 400 naming `field` for a network that is neither `default` nor a VPC's.
    func firewallTarget(_ network: String, field: String) async throws(GCEError) -> FirewallTarget {
        if network == "default" { return FirewallTarget(networkName: "default") }
        guard let entry = try await networkMap().network(network) else {
            throw GCEError.notFound("projects/\(project)/global/networks/\(network)")
        }
        if entry.isDefault { return FirewallTarget(networkName: entry.name) }
        guard let vpc = entry.vpc?.id else {
            throw GCEError.invalid(
                "Invalid value for field '\(field)': '\(entry.name)' is a CloudStack network outside a VPC; firewalls are served "
                    + "on default (security groups) and on VPC networks (ACL items)")
        }
        return FirewallTarget(networkName: entry.name, vpcID: vpc, tiers: entry.subnetworks)
    }

    /// Creates `firewall`'s rules on `target` and submits their tags; answers the firewall's UUID and the tag job.
    func createFirewall(_ firewall: Firewall, uuid: String?, on target: FirewallTarget, groups: [SecurityGroup])
        async throws(GCEError) -> (uuid: String, tagJob: String)
    {
        guard target.vpcID == nil else { return try await createNetworkACLFirewall(firewall, uuid: uuid, on: target) }
        return try await createFirewallRules(firewall, uuid: uuid, groups: groups)
    }

    /// Removes a firewall's tags and rules wherever they live; answers the last job (awaited too with `awaitLast`).
    func removeFirewall(_ record: FirewallRecord, awaitLast: Bool) async throws(GCEError) -> String {
        guard record.vpcID == nil else { return try await removeNetworkACLFirewall(record, awaitLast: awaitLast) }
        return try await removeFirewallRules(record, awaitLast: awaitLast)
    }

    /// The firewall `wanted` (name or numeric id); 404 when there is none.
    func firewallRecord(_ wanted: String, in records: [FirewallRecord]) throws(GCEError) -> FirewallRecord {
        let numeric = ResourceID.isNumeric(wanted) ? UInt64(wanted) : nil
        guard let record = records.first(where: { $0.firewall.name == wanted || (numeric != nil && $0.firewall.id == numeric) }) else {
            throw GCEError.notFound("projects/\(project)/global/firewalls/\(wanted)")
        }
        return record
    }

    /// Creates `firewall`'s rules [createSecurityGroup for missing `gce-tag-<t>` groups, authorizeSecurityGroup*
    /// per target group and port range, each job awaited] and submits the tags that make them one firewall
    /// [createTags resourcetype=SecurityGroupRule]; answers the firewall's UUID and the tag job to track.
    /// A rule another firewall already holds is refused first (CloudStack keeps one rule per traffic and source).
    /// When a step fails, the rules made so far are revoked again.
    func createFirewallRules(_ firewall: Firewall, uuid given: String?, groups: [SecurityGroup]) async throws(GCEError) -> (
        uuid: String, tagJob: String
    ) {
        let ingress = firewall.direction == "INGRESS"
        let targets = firewall.targetTags.isEmpty ? ["default"] : firewall.targetTags.map(FirewallRecord.group(forTag:))
        let sources = firewall.sourceTags.map(FirewallRecord.group(forTag:))
        var groupIDs: [String: String] = [:]
        for group in groups { if let name = group.name, let id = group.id { groupIDs[name] = id } }
        for name in targets + sources where groupIDs[name] == nil {
            let tag = name.hasPrefix("gce-tag-") ? String(name.dropFirst("gce-tag-".count)) : name
            let created = try await call(
                CommandTable.createSecurityGroup, ["name": name, "description": "Instances with GCE network tag \(tag)"])
            groupIDs[name] = created.id ?? ""
        }
        let accountName = sources.isEmpty ? "" : (try await account().name ?? "")
        let cidrs = (ingress ? firewall.sourceRanges : firewall.destinationRanges).compactMap(FirewallRanges.cloudStackCIDR)
        let shapes = firewall.allowed.flatMap(FirewallProtocols.traffic(of:))
        for group in groups where targets.contains(group.name ?? "") {
            for rule in ingress ? group.ingressrule : group.egressrule {
                let sameSource =
                    rule.cidr.map(cidrs.contains) ?? false
                    || rule.securitygroupname.map { sources.contains($0) && rule.account == accountName } ?? false
                guard sameSource, let shape = shapes.first(where: { $0.matches(rule) }) else { continue }
                let holder = rule.tags.first { $0.key == FirewallRecord.Key.name }?.value
                throw GCEError.invalid(
                    "Invalid value for field 'resource.allowed': security group \(group.name ?? "") already has the rule "
                        + "\(shape.cloudStackProtocol) from \(rule.cidr ?? rule.securitygroupname ?? "")"
                        + (holder.map { " (firewall \($0))" } ?? "") + "; CloudStack keeps one rule per traffic and source")
            }
        }
        var uuid = given
        var made: [FirewallRecord.Rule] = []
        do throws(GCEError) {
            for target in targets {
                for shape in shapes {
                    var parameters: Parameters = ["securitygroupid": groupIDs[target] ?? ""]
                    for (name, value) in shape.parameters { parameters[name] = value }
                    if !cidrs.isEmpty { parameters.setList("cidrlist", cidrs) }
                    for (index, source) in sources.enumerated() {
                        parameters["usersecuritygrouplist[\(index)].account"] = accountName
                        parameters["usersecuritygrouplist[\(index)].group"] = source
                    }
                    let command = ingress ? CommandTable.authorizeSecurityGroupIngress : CommandTable.authorizeSecurityGroupEgress
                    let receipt = try await call(command, parameters)
                    if uuid == nil { uuid = receipt.jobid }
                    let result: SecurityGroup
                    do {
                        result = try await client.awaitResult(of: command, receipt, as: credentials)
                    } catch {
                        throw GCEError(error)
                    }
                    for rule in ingress ? result.ingressrule : result.egressrule {
                        if let id = rule.ruleid { made.append(FirewallRecord.Rule(id: id, ingress: ingress)) }
                    }
                }
            }
            let id = uuid ?? ""
            return (id, try await tagFirewall(firewall, uuid: id, on: made.map(\.id), resourceType: "SecurityGroupRule"))
        } catch {
            await revokeQuietly(made)
            throw error
        }
    }

    /// Removes a firewall's tags [deleteTags without `tags`: all of them, awaited: CloudStack resolves the rules' UUIDs, so before they go]
    /// and revokes its rules [revokeSecurityGroupIngress/Egress per rule]; every job but the last is awaited, the
    /// last one's id is answered for the operation (or awaited too with `awaitLast`).
    func removeFirewallRules(_ record: FirewallRecord, awaitLast: Bool) async throws(GCEError) -> String {
        var last = try await untagFirewall(record.rules.map(\.id), resourceType: "SecurityGroupRule")
        for (index, rule) in record.rules.enumerated() {
            let command = rule.ingress ? CommandTable.revokeSecurityGroupIngress : CommandTable.revokeSecurityGroupEgress
            last = try await call(command, ["id": rule.id]).jobid
            if index < record.rules.count - 1 || awaitLast { try await awaitJob(last) }
        }
        return last
    }

    /// Best-effort clean-up after a failed create: the failure already being answered is the one that matters.
    /// Tags the CloudStack rows that make a firewall with its record [createTags]; answers the job id.
    func tagFirewall(_ firewall: Firewall, uuid: String, on ids: [String], resourceType: String) async throws(GCEError) -> String {
        var parameters: Parameters = ["resourcetype": resourceType]
        parameters.setList("resourceids", ids)
        parameters.setTags(FirewallRecord.tags(of: firewall, uuid: uuid))
        return try await call(CommandTable.createTags, parameters).jobid
    }

    /// Removes every tag of a firewall's rows [deleteTags without `tags`], awaited: CloudStack resolves the rows'
    /// UUIDs, so this must finish before the rows go. Answers the job id.
    func untagFirewall(_ ids: [String], resourceType: String) async throws(GCEError) -> String {
        var parameters: Parameters = ["resourcetype": resourceType]
        parameters.setList("resourceids", ids)
        let untag = try await call(CommandTable.deleteTags, parameters)
        try await awaitJob(untag.jobid)
        return untag.jobid
    }

    private func revokeQuietly(_ rules: [FirewallRecord.Rule]) async {
        for rule in rules {
            let command = rule.ingress ? CommandTable.revokeSecurityGroupIngress : CommandTable.revokeSecurityGroupEgress
            if let receipt = try? await call(command, ["id": rule.id]) { try? await awaitJob(receipt.jobid) }
        }
    }
}
