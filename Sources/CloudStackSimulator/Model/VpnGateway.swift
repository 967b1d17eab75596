/// A VPC's site-to-site VPN gateway (at most one per VPC), on the VPC's source NAT address.
struct VpnGateway: Sendable {
    var id: String
    var vpcID: String
    var accountID: String
    var publicIP: String
}
