import CloudStack

/// What the four Authorize/Revoke actions share: one authorizeSecurityGroup* call per EC2 permission
/// (its CIDRs in `cidrlist`, its groups in `usersecuritygrouplist`), one revokeSecurityGroup* call per rule.
enum SecurityGroupRuleChange {
    /// Authorizes `permissions` on `group`; EC2's `InvalidPermission.Duplicate` if any rule exists already.
    /// EC2 applies a call all or nothing: if a later permission fails, the rules added before it are revoked again.
    static func authorize(
        _ permissions: [SecurityGroupPermissions.Permission], on group: SecurityGroup, ingress: Bool, groups: [SecurityGroup],
        in context: ActionContext
    ) async throws -> [SecurityGroupRuleView] {
        let existing = (ingress ? group.ingressrule : group.egressrule).map(SecurityGroupRuleSpec.init)
        for rule in permissions.joined() where existing.contains(rule) {
            throw EC2Error(
                code: "InvalidPermission.Duplicate",
                message:
                    "the specified rule \"peer: \(SecurityGroupPermissions.describe(rule))\" already exists in \(SecurityGroupLookup.ec2ID(group))"
            )
        }
        guard let groupUUID = group.id else { throw EC2Error.internalError() }
        let command = ingress ? CommandTable.authorizeSecurityGroupIngress : CommandTable.authorizeSecurityGroupEgress
        var added: [SecurityGroupRuleView] = []
        for permission in permissions {
            guard let first = permission.first else { continue }
            var parameters = first.rangeParameters
            parameters["securitygroupid"] = groupUUID
            let cidrs = permission.compactMap(\.cidr)
            if !cidrs.isEmpty { parameters.setList("cidrlist", cidrs) }
            for (index, source) in permission.compactMap(\.group).enumerated() {
                parameters["usersecuritygrouplist[\(index)].account"] = source.account
                parameters["usersecuritygrouplist[\(index)].group"] = source.name
            }
            do {
                let result = try await context.run(command, parameters, context: .ids(.securityGroup, [SecurityGroupLookup.ec2ID(group)]))
                let rules = ingress ? result.ingressrule : result.egressrule
                added += rules.compactMap { SecurityGroupMapping.ruleView($0, of: group, isEgress: !ingress, known: groups) }
            } catch {
                try? await revoke(added.map(\.securityGroupRuleId), ingress: ingress, in: context)
                throw error
            }
        }
        return added
    }

    /// The CloudStack rules of `group` that `permissions` name; `InvalidPermission.NotFound` for one that matches none.
    static func matching(
        _ permissions: [SecurityGroupPermissions.Permission], in group: SecurityGroup, ingress: Bool
    ) throws(EC2Error) -> [SecurityGroupRule] {
        let rules = ingress ? group.ingressrule : group.egressrule
        var found: [SecurityGroupRule] = []
        for wanted in permissions.joined() {
            // Revoking the implicit allow-all egress of a group with no egress rules changes nothing: CloudStack
            // cannot deny all egress, and the first egress rule authorised replaces it (Ansible revokes it first).
            if !ingress, rules.isEmpty, wanted == SecurityGroupMapping.implicitEgress { continue }
            guard let rule = rules.first(where: { SecurityGroupRuleSpec($0) == wanted }) else {
                throw EC2Error(
                    code: "InvalidPermission.NotFound",
                    message:
                        "The specified rule does not exist in this security group (\(SecurityGroupPermissions.describe(wanted)) in \(SecurityGroupLookup.ec2ID(group)))."
                )
            }
            found.append(rule)
        }
        return found
    }

    /// The CloudStack rules `SecurityGroupRuleId.N` name in `group`'s ingress or egress rules.
    static func rules(ids: [String], in group: SecurityGroup, ingress: Bool) throws(EC2Error) -> [SecurityGroupRule] {
        let rules = ingress ? group.ingressrule : group.egressrule
        var found: [SecurityGroupRule] = []
        var missing: [String] = []
        for id in ids {
            let parsed = try EC2ID.parse(id, as: .securityGroupRule)
            if let rule = rules.first(where: { $0.ruleid == parsed.cloudStackUUID }) {
                found.append(rule)
            } else {
                missing.append(parsed.description)
            }
        }
        if !missing.isEmpty { throw EC2Error.notFound(.securityGroupRule, ids: missing) }
        return found
    }

    /// Revokes rules by their EC2 ids, one CloudStack job each.
    static func revoke(_ ruleIDs: [String], ingress: Bool, in context: ActionContext) async throws(EC2Error) {
        for id in ruleIDs {
            let parsed = try EC2ID.parse(id, as: .securityGroupRule)
            let command = ingress ? CommandTable.revokeSecurityGroupIngress : CommandTable.revokeSecurityGroupEgress
            _ = try await context.run(command, ["id": parsed.cloudStackUUID], context: .ids(.securityGroupRule, [parsed.description]))
        }
    }

    /// Revokes what a Revoke action names (rule ids or permissions, not both) and answers the revoked rules.
    static func revoke(
        group: SecurityGroup, ruleIDs: [String]?, requested: [(IpPermissionInput, String)]?, ingress: Bool, groups: [SecurityGroup],
        in context: ActionContext
    ) async throws -> [SecurityGroupRuleView] {
        let rules: [SecurityGroupRule]
        if let ruleIDs, !ruleIDs.isEmpty {
            guard requested == nil else {
                throw EC2Error.invalidParameterCombination(
                    "SecurityGroupRuleId cannot be used with IpPermissions or the flat rule parameters.")
            }
            rules = try self.rules(ids: ruleIDs, in: group, ingress: ingress)
        } else {
            let permissions = try SecurityGroupPermissions.rules(requested ?? [], groups: groups, owner: group.account ?? "")
            rules = try matching(permissions, in: group, ingress: ingress)
        }
        let views = rules.compactMap { SecurityGroupMapping.ruleView($0, of: group, isEgress: !ingress, known: groups) }
        try await revoke(views.map(\.securityGroupRuleId), ingress: ingress, in: context)
        return views
    }
}
