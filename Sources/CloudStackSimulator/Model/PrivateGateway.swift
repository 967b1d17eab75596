/// A VPC private gateway (`createPrivateGateway`, admin only): the next hop of the VPC's static routes.
struct PrivateGateway: Sendable {
    var id: String
    var vpcID: String
    var accountID: String
    var zoneID: String
    var ipAddress: String
    var gateway: String
    var netmask: String
    var vlan: String
    var aclID: String
    var sourceNatSupported: Bool
}
