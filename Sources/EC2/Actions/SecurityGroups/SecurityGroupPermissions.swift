import CloudStack

/// Turns EC2 `IpPermission`s into CloudStack-sized rules, refusing what CloudStack 4.18 cannot hold,
/// naming the member (`IpPermissions.N.Ipv6Ranges`, `...PrefixListIds`, descriptions).
enum SecurityGroupPermissions {
    /// One EC2 permission: its rules (one per source), all with the same protocol and range.
    typealias Permission = [SecurityGroupRuleSpec]

    /// The legacy flat members as one permission, or nil when none is given.
    static func flat(
        ipProtocol: String?, fromPort: Int?, toPort: Int?, cidrIp: String?, sourceGroupName: String?, sourceGroupOwner: String?
    ) -> IpPermissionInput? {
        guard ipProtocol != nil || fromPort != nil || toPort != nil || cidrIp != nil || sourceGroupName != nil || sourceGroupOwner != nil
        else { return nil }
        let groups =
            (sourceGroupName != nil || sourceGroupOwner != nil)
            ? [
                IpPermissionInput.GroupPair(
                    groupId: nil, groupName: sourceGroupName, userId: sourceGroupOwner, description: nil, vpcId: nil,
                    vpcPeeringConnectionId: nil, peeringStatus: nil)
            ] : nil
        return IpPermissionInput(
            ipProtocol: ipProtocol ?? (sourceGroupName != nil ? "-1" : nil), fromPort: fromPort, toPort: toPort, groups: groups,
            ipRanges: cidrIp.map { [IpPermissionInput.IpRange(cidrIp: $0, description: nil)] })
    }

    /// The permissions of a request: `IpPermissions.N` or the flat members, not both, at least one.
    static func requested(_ permissions: [IpPermissionInput]?, flat: IpPermissionInput?) throws(EC2Error) -> [(IpPermissionInput, String)] {
        if let flat {
            guard (permissions ?? []).isEmpty else {
                throw EC2Error.invalidParameterCombination(
                    "The parameter IpPermissions cannot be used with IpProtocol, FromPort, ToPort, CidrIp or SourceSecurityGroupName.")
            }
            return [(flat, "")]
        }
        let list = permissions ?? []
        guard !list.isEmpty else { throw EC2Error.missingParameter("IpPermissions") }
        return list.enumerated().map { ($0.element, "IpPermissions.\($0.offset + 1).") }
    }

    /// CloudStack's protocol for EC2's `IpProtocol` (names or numbers; `-1` is all).
    static func cloudStackProtocol(_ value: String?, member: String) throws(EC2Error) -> String {
        guard let value, !value.isEmpty else { throw EC2Error.missingParameter(member) }
        switch value.lowercased() {
        case "tcp", "6": return "tcp"
        case "udp", "17": return "udp"
        case "icmp", "1": return "icmp"
        case "-1", "all": return "all"
        case "icmpv6", "58":
            throw EC2Error.invalidParameterValue(
                "\(member) '\(XMLSafeName.clip(value))': CloudStack security groups here take no IPv6 rules.")
        default:
            guard let number = Int(value), (0...255).contains(number) else {
                throw EC2Error.invalidParameterValue("Invalid value '\(XMLSafeName.clip(value))' for \(member). Unknown protocol.")
            }
            return String(number)
        }
    }

    /// The range of a permission: ports for tcp/udp, type and code for icmp, none otherwise (EC2 ignores them).
    static func range(_ proto: String, from: Int?, to: Int?, prefix: String) throws(EC2Error) -> (Int?, Int?) {
        switch proto {
        case "tcp", "udp":
            guard let from, let to else {
                throw EC2Error.invalidParameterValue(
                    "Invalid value for portRange. Must specify both \(prefix)FromPort and \(prefix)ToPort with TCP/UDP.")
            }
            guard (0...65535).contains(from), (0...65535).contains(to), from <= to else {
                throw EC2Error.invalidParameterValue("Invalid port range \(from)-\(to) in \(prefix)FromPort/\(prefix)ToPort.")
            }
            if from == 0 && to == 0 {
                throw EC2Error.invalidParameterValue(
                    "\(prefix)FromPort 0 and \(prefix)ToPort 0: CloudStack reads the port range 0-0 as all ports.")
            }
            return (from, to)
        case "icmp":
            let type = from ?? -1, code = to ?? -1
            guard (-1...255).contains(type), (-1...255).contains(code) else {
                throw EC2Error.invalidParameterValue("Invalid ICMP type \(type) or code \(code) in \(prefix)FromPort/\(prefix)ToPort.")
            }
            if type == -1 && code != -1 {
                throw EC2Error.invalidParameterValue(
                    "\(prefix)ToPort must be -1 (all codes) when \(prefix)FromPort is -1 (all ICMP types).")
            }
            if type != -1 && code == -1 {
                throw EC2Error.invalidParameterValue(
                    "\(prefix)ToPort -1 (all codes of ICMP type \(type)) cannot be mapped: CloudStack needs an ICMP code with an ICMP type."
                )
            }
            return (type, code)
        default: return (nil, nil)
        }
    }

    /// The rules of each requested permission, sources resolved against the caller's `groups`.
    static func rules(
        _ requested: [(IpPermissionInput, String)], groups: [SecurityGroup], owner: String
    ) throws(EC2Error) -> [Permission] {
        var result: [Permission] = []
        for (permission, prefix) in requested {
            if !(permission.ipv6Ranges ?? []).isEmpty {
                throw EC2Error.invalidParameterValue("\(prefix)Ipv6Ranges: CloudStack security groups here take no IPv6 rules.")
            }
            if !(permission.prefixListIds ?? []).isEmpty {
                throw EC2Error.invalidParameterValue("\(prefix)PrefixListIds: CloudStack has no managed prefix lists.")
            }
            let proto = try cloudStackProtocol(permission.ipProtocol, member: prefix.isEmpty ? "IpProtocol" : prefix + "IpProtocol")
            let (from, to) = try range(proto, from: permission.fromPort, to: permission.toPort, prefix: prefix)
            var rules: Permission = []
            for (index, range) in (permission.ipRanges ?? []).enumerated() {
                let member = prefix.isEmpty ? "CidrIp" : "\(prefix)IpRanges.\(index + 1).CidrIp"
                guard let cidr = range.cidrIp, !cidr.isEmpty else { throw EC2Error.missingParameter(member) }
                guard IPv4CIDR.isValid(cidr) else {
                    throw EC2Error.invalidParameterValue("CIDR block \(XMLSafeName.clip(cidr)) is malformed (\(member)).")
                }
                if let description = range.description, !description.isEmpty {
                    throw EC2Error.invalidParameterValue(
                        "\(prefix)IpRanges.\(index + 1).Description: CloudStack security-group rules have no descriptions.")
                }
                rules.append(SecurityGroupRuleSpec(protocolName: proto, from: from, to: to, cidr: cidr, group: nil))
            }
            for (index, pair) in (permission.groups ?? []).enumerated() {
                let member = prefix.isEmpty ? "SourceSecurityGroupName" : "\(prefix)Groups.\(index + 1)"
                let source = try self.source(pair, member: member, groups: groups, owner: owner)
                rules.append(SecurityGroupRuleSpec(protocolName: proto, from: from, to: to, cidr: nil, group: source))
            }
            guard !rules.isEmpty else {
                throw EC2Error.invalidParameterValue(
                    "\(prefix.isEmpty ? "CidrIp" : prefix + "IpRanges"): a permission needs at least one source (an IPv4 CIDR or a security group)."
                )
            }
            for (index, rule) in rules.enumerated() where rules[..<index].contains(rule) || result.joined().contains(rule) {
                throw EC2Error(
                    code: "InvalidPermission.Duplicate", message: "The request names the same permission twice (\(describe(rule))).")
            }
            result.append(rules)
        }
        return result
    }

    /// A group source: by `GroupId` among the caller's groups, or by `GroupName` in the account `UserId` (default the caller's).
    static func source(
        _ pair: IpPermissionInput.GroupPair, member: String, groups: [SecurityGroup], owner: String
    ) throws(EC2Error) -> SecurityGroupRuleSpec.GroupSource {
        if pair.vpcPeeringConnectionId != nil || pair.peeringStatus != nil {
            throw EC2Error.invalidParameterValue("\(member).VpcPeeringConnectionId: CloudStack has no VPC peering.")
        }
        if let vpc = pair.vpcId, vpc != SecurityGroupMapping.defaultVpcID {
            throw EC2Error.invalidParameterValue(
                "\(member).VpcId: every security group is in the default VPC \(SecurityGroupMapping.defaultVpcID).")
        }
        if let description = pair.description, !description.isEmpty {
            throw EC2Error.invalidParameterValue("\(member).Description: CloudStack security-group rules have no descriptions.")
        }
        if let id = pair.groupId, !id.isEmpty {
            let group = try SecurityGroupLookup.require(id: id, name: nil, in: groups)
            let account = group.account ?? owner
            if let user = pair.userId, !user.isEmpty, user != account {
                throw EC2Error.invalidParameterValue("\(member).UserId '\(XMLSafeName.clip(user))' does not own \(id).")
            }
            guard let name = group.name else { throw EC2Error.internalError() }
            if let wanted = pair.groupName, !wanted.isEmpty, wanted != name {
                throw EC2Error.invalidParameterCombination("\(member): GroupId \(id) and GroupName name different groups.")
            }
            return .init(account: account, name: name)
        }
        guard let name = pair.groupName, !name.isEmpty else {
            throw EC2Error.missingParameter(member + (member.hasSuffix("Name") ? "" : ".GroupId"))
        }
        let account = pair.userId.flatMap { $0.isEmpty ? nil : $0 } ?? owner
        if account == owner, !groups.contains(where: { $0.name == name }) { throw SecurityGroupLookup.notFound(name: name) }
        return .init(account: account, name: name)
    }

    /// A rule as text for messages.
    static func describe(_ rule: SecurityGroupRuleSpec) -> String {
        let range = [rule.from, rule.to].compactMap { $0.map(String.init) }.joined(separator: "-")
        let source = rule.cidr ?? rule.group.map { "\($0.account)/\($0.name)" } ?? ""
        let proto = SecurityGroupMapping.ec2Protocol(rule.protocolName)
        return XMLSafeName.clip("\(proto)\(range.isEmpty ? "" : " " + range) \(source)")
    }
}
