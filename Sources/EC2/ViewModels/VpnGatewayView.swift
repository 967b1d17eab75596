/// botocore shape `VpnGateway`: a CloudStack VPC's VPN gateway, `vgw-` + the VPC's hex, attached while
/// CloudStack has one for the VPC.
struct VpnGatewayView: TemplateModel {
    let vpnGatewayId: String
    let vpcId: String
    let attached: Bool
    /// CloudStack's VPN gateway, when the VPC has one.
    let cloudStackID: String?
    /// CloudStack's VPN gateway's public address (the VPC's source NAT), when the VPC has one.
    var publicIP: String? = nil

    static let templateFields: TemplateFields<Self> = [
        "vpnGatewayId": .string(\.vpnGatewayId),
        "vpcId": .string(\.vpcId),
        "attached": .bool(\.attached),
    ]
}
