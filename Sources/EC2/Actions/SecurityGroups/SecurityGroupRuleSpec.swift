import CloudStack

/// One CloudStack-sized rule: a protocol, its port range or ICMP type and code, and exactly one source
/// (a CIDR or another group). EC2 permissions with several sources become several of these.
struct SecurityGroupRuleSpec: Equatable, Sendable {
    /// A group source: CloudStack names it by account and group name.
    struct GroupSource: Equatable, Sendable {
        let account: String
        let name: String
    }
    /// CloudStack's protocol: `tcp`, `udp`, `icmp`, `all` or a protocol number.
    let protocolName: String
    /// Ports (tcp, udp) or ICMP type (icmp); nil for `all` and other protocols, which have no ports.
    let from: Int?
    let to: Int?
    let cidr: String?
    let group: GroupSource?

    /// The spec of a CloudStack rule, as `SecurityGroupMapping` shows it.
    init(_ rule: SecurityGroupRule) {
        let proto = SecurityGroupMapping.cloudStackProtocol(rule.protocol)
        protocolName = proto
        switch proto {
        case "tcp", "udp": (from, to) = (rule.startport.map(Int.init), rule.endport.map(Int.init))
        case "icmp": (from, to) = (rule.icmptype.map(Int.init), rule.icmpcode.map(Int.init))
        default: (from, to) = (nil, nil)
        }
        cidr = rule.cidr.flatMap { $0.isEmpty ? nil : $0 }
        if let name = rule.securitygroupname, let account = rule.account {
            group = GroupSource(account: account, name: name)
        } else {
            group = nil
        }
    }

    init(protocolName: String, from: Int?, to: Int?, cidr: String?, group: GroupSource?) {
        (self.protocolName, self.from, self.to, self.cidr, self.group) = (protocolName, from, to, cidr, group)
    }

    /// The same protocol and range, whatever the source.
    func sameRange(as other: SecurityGroupRuleSpec) -> Bool {
        protocolName == other.protocolName && from == other.from && to == other.to
    }

    /// The protocol and range parameters of authorizeSecurityGroupIngress/Egress.
    var rangeParameters: Parameters {
        var parameters: Parameters = ["protocol": protocolName]
        switch protocolName {
        case "tcp", "udp":
            parameters["startport"] = from.map(String.init)
            parameters["endport"] = to.map(String.init)
        case "icmp":
            parameters["icmptype"] = from.map(String.init)
            parameters["icmpcode"] = to.map(String.init)
        case "all": break
        default:
            // CloudStack requires ports for every protocol but icmp and all; EC2 ignores them for other protocols.
            parameters["startport"] = "0"
            parameters["endport"] = "65535"
        }
        return parameters
    }
}
