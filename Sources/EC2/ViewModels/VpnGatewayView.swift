/// botocore shape `VpnGateway`: a CloudStack VPC's VPN gateway, `vgw-` + the VPC's hex, attached while
/// CloudStack has one for the VPC.
struct VpnGatewayView: TemplateModel {
    let vpnGatewayId: String
    let vpcId: String
    let attached: Bool
    /// CloudStack's VPN gateway, when the VPC has one.
    let cloudStackID: String?

    static let templateFields: TemplateFields<Self> = [
        "vpnGatewayId": .string(\.vpnGatewayId),
        "vpcId": .string(\.vpcId),
        "attached": .bool(\.attached),
    ]
}
