/// One rule of a network ACL list (`network_acl_item`).
struct NetworkACLItem: Sendable {
    var id: String
    var aclID: String
    var number: Int
    /// `tcp`, `udp`, `icmp`, `all` or a protocol number, as sent.
    var protocolName: String
    var startPort: Int?
    var endPort: Int?
    var icmpType: Int?
    var icmpCode: Int?
    var cidrList: [String]
    /// `Allow` or `Deny`.
    var action: String
    /// `Ingress` or `Egress`.
    var trafficType: String
    var reason: String?
}
