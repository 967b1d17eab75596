import CloudStack

/// `ModifySecurityGroupRules`: CloudStack 4.18 has no rule update, so each rule is replaced: the new rule is
/// authorized first, then the old one revoked (traffic either allows is never cut off mid-way); if the revoke
/// fails the new rule is revoked again and the error returned. The rule therefore gets a new `sgr-` id (ids
/// are CloudStack rule UUIDs), which DescribeSecurityGroupRules shows (docs/ec2.md).
enum ModifySecurityGroupRules: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        /// `SecurityGroupRule.N`.
        struct Update: Decodable, Sendable {
            /// `SecurityGroupRule.N.SecurityGroupRule`.
            struct Rule: Decodable, Sendable {
                let ipProtocol: String?
                let fromPort: Int?
                let toPort: Int?
                let cidrIpv4: String?
                let cidrIpv6: String?
                let prefixListId: String?
                let referencedGroupId: String?
                let description: String?
                enum CodingKeys: String, CodingKey {
                    case ipProtocol = "IpProtocol"
                    case fromPort = "FromPort"
                    case toPort = "ToPort"
                    case cidrIpv4 = "CidrIpv4"
                    case cidrIpv6 = "CidrIpv6"
                    case prefixListId = "PrefixListId"
                    case referencedGroupId = "ReferencedGroupId"
                    case description = "Description"
                }
            }
            let securityGroupRuleId: String?
            let securityGroupRule: Rule?
            enum CodingKeys: String, CodingKey {
                case securityGroupRuleId = "SecurityGroupRuleId"
                case securityGroupRule = "SecurityGroupRule"
            }
        }
        let groupId: String?
        let securityGroupRules: [Update]?
        enum CodingKeys: String, CodingKey {
            case groupId = "GroupId"
            case securityGroupRules = "SecurityGroupRule"
        }
    }

    typealias Output = ReturnView
    static let name = "ModifySecurityGroupRules"

    static func validate(_ input: Input) throws(EC2Error) {
        guard let group = input.groupId, !group.isEmpty else { throw EC2Error.missingParameter("GroupId") }
        _ = try EC2ID.parse(group, as: .securityGroup)
        let updates = input.securityGroupRules ?? []
        guard !updates.isEmpty else { throw EC2Error.missingParameter("SecurityGroupRule") }
        for (index, update) in updates.enumerated() {
            guard let id = update.securityGroupRuleId, !id.isEmpty else {
                throw EC2Error.missingParameter("SecurityGroupRule.\(index + 1).SecurityGroupRuleId")
            }
            _ = try EC2ID.parse(id, as: .securityGroupRule)
        }
    }

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let groups = try await SecurityGroupLookup.all(in: context)
        var group = try SecurityGroupLookup.require(id: input.groupId, name: nil, in: groups)
        for (index, update) in (input.securityGroupRules ?? []).enumerated() {
            let prefix = "SecurityGroupRule.\(index + 1).SecurityGroupRule."
            let id = try EC2ID.parse(update.securityGroupRuleId ?? "", as: .securityGroupRule)
            let ingress: Bool
            if group.ingressrule.contains(where: { $0.ruleid == id.cloudStackUUID }) {
                ingress = true
            } else if group.egressrule.contains(where: { $0.ruleid == id.cloudStackUUID }) {
                ingress = false
            } else {
                throw EC2Error.notFound(.securityGroupRule, ids: [id.description])
            }
            let permission = try self.permission(update.securityGroupRule, prefix: prefix)
            let wanted = try SecurityGroupPermissions.rules([(permission, prefix)], groups: groups, owner: group.account ?? "")
            let old = try SecurityGroupRuleChange.rules(ids: [id.description], in: group, ingress: ingress)
            guard let oldRule = old.first, wanted.joined().first != SecurityGroupRuleSpec(oldRule) else { continue }
            let added = try await SecurityGroupRuleChange.authorize(wanted, on: group, ingress: ingress, groups: groups, in: context)
            do {
                try await SecurityGroupRuleChange.revoke([id.description], ingress: ingress, in: context)
            } catch {
                try? await SecurityGroupRuleChange.revoke(added.map(\.securityGroupRuleId), ingress: ingress, in: context)
                throw error
            }
            // Later updates of the same call see this one.
            group = try SecurityGroupLookup.require(id: input.groupId, name: nil, in: try await SecurityGroupLookup.all(in: context))
        }
        return ReturnView(value: true)
    }

    /// The rule as one EC2 permission with one source; IPv6, prefix lists and descriptions are refused by name.
    static func permission(_ rule: Input.Update.Rule?, prefix: String) throws(EC2Error) -> IpPermissionInput {
        guard let rule else { throw EC2Error.missingParameter(String(prefix.dropLast())) }
        if rule.cidrIpv6 != nil {
            throw EC2Error.invalidParameterValue("\(prefix)CidrIpv6: CloudStack security groups here take no IPv6 rules.")
        }
        if rule.prefixListId != nil {
            throw EC2Error.invalidParameterValue("\(prefix)PrefixListId: CloudStack has no managed prefix lists.")
        }
        if let description = rule.description, !description.isEmpty {
            throw EC2Error.invalidParameterValue("\(prefix)Description: CloudStack security-group rules have no descriptions.")
        }
        if rule.cidrIpv4 != nil && rule.referencedGroupId != nil {
            throw EC2Error.invalidParameterCombination("\(prefix)CidrIpv4 and \(prefix)ReferencedGroupId cannot both be given.")
        }
        let groups = rule.referencedGroupId.map {
            [
                IpPermissionInput.GroupPair(
                    groupId: $0, groupName: nil, userId: nil, description: nil, vpcId: nil, vpcPeeringConnectionId: nil, peeringStatus: nil)
            ]
        }
        return IpPermissionInput(
            ipProtocol: rule.ipProtocol, fromPort: rule.fromPort, toPort: rule.toPort, groups: groups,
            ipRanges: rule.cidrIpv4.map { [IpPermissionInput.IpRange(cidrIp: $0, description: nil)] })
    }
}
