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
            ipPermissionsEgress: permissions(group.egressrule, known: known),
            tagSet: TagMapping.views(group.tags))
    }

    /// EC2's protocol name for CloudStack's: `all` is `-1`; tcp, udp, icmp and numbers stay.
    static func ec2Protocol(_ cloudStack: String?) -> String {
        let name = (cloudStack ?? "all").lowercased()
        return name == "all" ? "-1" : name
    }

    /// CloudStack's rules (one source each) grouped by protocol and range, in first-seen order, as EC2 shows them.
    static func permissions(_ rules: [SecurityGroupRule], known: [SecurityGroup]) -> [IpPermissionView] {
        var result: [IpPermissionView] = []
        for rule in rules {
            let proto = ec2Protocol(rule.protocol)
            let from: Int?, to: Int?
            switch proto {
            case "-1": (from, to) = (nil, nil)
            case "icmp": (from, to) = (rule.icmptype.map(Int.init), rule.icmpcode.map(Int.init))
            default: (from, to) = (rule.startport.map(Int.init), rule.endport.map(Int.init))
            }
            var index = result.firstIndex { $0.ipProtocol == proto && $0.fromPort == from && $0.toPort == to }
            if index == nil {
                result.append(IpPermissionView(ipProtocol: proto, fromPort: from, toPort: to, groups: [], ipRanges: []))
                index = result.count - 1
            }
            guard let index else { continue }
            if let cidr = rule.cidr, !cidr.isEmpty { result[index].ipRanges.append(IpRangeView(cidrIp: cidr)) }
            if let name = rule.securitygroupname, let account = rule.account {
                let source = known.first { $0.name == name && $0.account == account }
                let sourceID = source?.id.flatMap { EC2ID(kind: .securityGroup, cloudStackUUID: $0)?.description }
                result[index].groups.append(UserIdGroupPairView(userId: account, groupId: sourceID, groupName: name))
            }
        }
        return result
    }
}
