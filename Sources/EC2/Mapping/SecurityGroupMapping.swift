import CloudStack

/// Builds EC2 security groups from CloudStack's (docs/decisions/0009-ec2-network-model.md).
enum SecurityGroupMapping {
    /// The synthetic default VPC every security group and every network outside a CloudStack VPC belongs to.
    static let defaultVpcID = ResourceKind.vpc.prefix + String(repeating: "0", count: 32)

    /// The view of `group`; `known` are the groups the caller sees, to give group sources their ids.
    static func view(_ group: SecurityGroup, known: [SecurityGroup]) -> SecurityGroupView? {
        guard let uuid = group.id, let id = EC2ID(kind: .securityGroup, cloudStackUUID: uuid) else { return nil }
        return SecurityGroupView(
            groupId: id.description, groupName: group.name ?? "", groupDescription: group.description ?? "",
            ownerId: group.account ?? "", vpcId: defaultVpcID,
            ipPermissions: permissions(group.ingressrule, known: known),
            ipPermissionsEgress: group.egressrule.isEmpty
                ? [IpPermissionView(ipProtocol: "-1", fromPort: nil, toPort: nil, groups: [], ipRanges: [IpRangeView(cidrIp: "0.0.0.0/0")])]
                : permissions(group.egressrule, known: known),
            tagSet: TagMapping.views(group.tags))
    }

    /// The egress a CloudStack group without egress rules allows: everything, shown as EC2's default egress
    /// rule of a VPC group (tools such as Ansible's `ec2_security_group` wait for it after CreateSecurityGroup).
    static let implicitEgress = SecurityGroupRuleSpec(protocolName: "all", from: nil, to: nil, cidr: "0.0.0.0/0", group: nil)

    /// CloudStack's protocol, normalised as EC2 shows it: numbers 6, 17 and 1 are tcp, udp and icmp.
    static func cloudStackProtocol(_ cloudStack: String?) -> String {
        switch (cloudStack ?? "all").lowercased() {
        case "6": "tcp"
        case "17": "udp"
        case "1": "icmp"
        case let other: other
        }
    }

    /// EC2's protocol name for CloudStack's: `all` is `-1`; tcp, udp, icmp and other numbers stay.
    static func ec2Protocol(_ cloudStack: String?) -> String {
        let name = cloudStackProtocol(cloudStack)
        return name == "all" ? "-1" : name
    }

    /// The EC2 id of the group a rule names as its source, when the caller sees it.
    static func sourceID(_ source: SecurityGroupRuleSpec.GroupSource, known: [SecurityGroup]) -> String? {
        known.first { $0.name == source.name && $0.account == source.account }?.id
            .flatMap { EC2ID(kind: .securityGroup, cloudStackUUID: $0)?.description }
    }

    /// CloudStack's rules (one source each) grouped by protocol and range, in first-seen order, as EC2 shows them.
    static func permissions(_ rules: [SecurityGroupRule], known: [SecurityGroup]) -> [IpPermissionView] {
        var result: [IpPermissionView] = []
        for rule in rules {
            let spec = SecurityGroupRuleSpec(rule)
            let proto = ec2Protocol(spec.protocolName)
            var index = result.firstIndex { $0.ipProtocol == proto && $0.fromPort == spec.from && $0.toPort == spec.to }
            if index == nil {
                result.append(IpPermissionView(ipProtocol: proto, fromPort: spec.from, toPort: spec.to, groups: [], ipRanges: []))
                index = result.count - 1
            }
            guard let index else { continue }
            if let cidr = spec.cidr { result[index].ipRanges.append(IpRangeView(cidrIp: cidr)) }
            if let source = spec.group {
                result[index].groups.append(
                    UserIdGroupPairView(userId: source.account, groupId: sourceID(source, known: known), groupName: source.name))
            }
        }
        return result
    }

    /// The botocore `SecurityGroupRule` view of one CloudStack rule of `group`.
    static func ruleView(_ rule: SecurityGroupRule, of group: SecurityGroup, isEgress: Bool, known: [SecurityGroup])
        -> SecurityGroupRuleView?
    {
        guard let uuid = rule.ruleid, let id = EC2ID(kind: .securityGroupRule, cloudStackUUID: uuid) else { return nil }
        let spec = SecurityGroupRuleSpec(rule)
        let referenced = spec.group.map { ReferencedGroupView(groupId: sourceID($0, known: known), userId: $0.account) }
        return SecurityGroupRuleView(
            securityGroupRuleId: id.description, groupId: SecurityGroupLookup.ec2ID(group), groupOwnerId: group.account ?? "",
            isEgress: isEgress, ipProtocol: ec2Protocol(spec.protocolName), fromPort: spec.from, toPort: spec.to, cidrIpv4: spec.cidr,
            referencedGroupInfo: referenced.map { [$0] } ?? [], tagSet: TagMapping.views(rule.tags))
    }

    /// Every rule of `groups`, ingress first, as `SecurityGroupRule` views.
    static func ruleViews(_ groups: [SecurityGroup], known: [SecurityGroup]) -> [SecurityGroupRuleView] {
        groups.flatMap { group in
            group.ingressrule.compactMap { ruleView($0, of: group, isEgress: false, known: known) }
                + group.egressrule.compactMap { ruleView($0, of: group, isEgress: true, known: known) }
        }
    }
}
