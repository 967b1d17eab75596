/// One ingress or egress rule: a CIDR or another account's group, a protocol and ports or ICMP type/code.
struct SecurityGroupRule: Sendable, Equatable {
    var ruleID: String
    /// `tcp`, `udp`, `icmp`, `all` or a protocol number.
    var protocolName: String
    var startPort: Int?
    var endPort: Int?
    var icmpType: Int?
    var icmpCode: Int?
    var cidr: String?
    var groupName: String?
    var groupAccount: String?

    /// Whether two rules allow the same traffic (CloudStack refuses duplicates).
    func sameTraffic(as other: SecurityGroupRule) -> Bool {
        protocolName == other.protocolName && startPort == other.startPort && endPort == other.endPort
            && icmpType == other.icmpType && icmpCode == other.icmpCode && cidr == other.cidr
            && groupName == other.groupName && groupAccount == other.groupAccount
    }
}
