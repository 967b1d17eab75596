import CloudStack

extension MethodCall {
    /// The caller's security groups and the firewalls their tagged rules make [listSecurityGroups].
    func firewallRecords() async throws(GCEError) -> (groups: [SecurityGroup], records: [FirewallRecord]) {
        let groups = try await listAll(CommandTable.listSecurityGroups)
        return (groups, FirewallRecord.all(in: groups, links: links))
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
            var parameters: Parameters = ["resourcetype": "SecurityGroupRule"]
            parameters.setList("resourceids", made.map(\.id))
            parameters.setTags(FirewallRecord.tags(of: firewall, uuid: id))
            let receipt = try await call(CommandTable.createTags, parameters)
            return (id, receipt.jobid)
        } catch {
            await revokeQuietly(made)
            throw error
        }
    }

    /// Removes a firewall's tags [deleteTags without `tags`: all of them, awaited: CloudStack resolves the rules' UUIDs, so before they go]
    /// and revokes its rules [revokeSecurityGroupIngress/Egress per rule]; every job but the last is awaited, the
    /// last one's id is answered for the operation (or awaited too with `awaitLast`).
    func removeFirewallRules(_ record: FirewallRecord, awaitLast: Bool) async throws(GCEError) -> String {
        var parameters: Parameters = ["resourcetype": "SecurityGroupRule"]
        parameters.setList("resourceids", record.rules.map(\.id))
        let untag = try await call(CommandTable.deleteTags, parameters)
        try await awaitJob(untag.jobid)
        var last = untag.jobid
        for (index, rule) in record.rules.enumerated() {
            let command = rule.ingress ? CommandTable.revokeSecurityGroupIngress : CommandTable.revokeSecurityGroupEgress
            last = try await call(command, ["id": rule.id]).jobid
            if index < record.rules.count - 1 || awaitLast { try await awaitJob(last) }
        }
        return last
    }

    /// Best-effort clean-up after a failed create: the failure already being answered is the one that matters.
    private func revokeQuietly(_ rules: [FirewallRecord.Rule]) async {
        for rule in rules {
            let command = rule.ingress ? CommandTable.revokeSecurityGroupIngress : CommandTable.revokeSecurityGroupEgress
            if let receipt = try? await call(command, ["id": rule.id]) { try? await awaitJob(receipt.jobid) }
        }
    }
}
