import CloudStack

/// botocore shape `VpnConnection`: a CloudStack site-to-site VPN connection, `vpn-` + its hex (decision 0009 §8).
struct VpnConnectionView: TemplateModel {
    let vpnConnectionId: String
    var state: String
    let customerGatewayId: String
    let vpnGatewayId: String
    /// The VPN gateway's public address (the VPC's source NAT), the one tunnel's outside address.
    let outsideIpAddress: String
    /// `UP` while CloudStack reports the connection `Connected`, else `DOWN`.
    let telemetryStatus: String
    let statusMessage: String
    /// The customer gateway's peer CIDRs: the connection's static routes.
    let routes: [VpnStaticRouteView]

    static let templateFields: TemplateFields<Self> = [
        "vpnConnectionId": .string(\.vpnConnectionId),
        "state": .string(\.state),
        "customerGatewayId": .string(\.customerGatewayId),
        "vpnGatewayId": .string(\.vpnGatewayId),
        "outsideIpAddress": .string(\.outsideIpAddress),
        "telemetryStatus": .string(\.telemetryStatus),
        "statusMessage": .string(\.statusMessage),
        "routes": .list(\.routes),
    ]

    /// The EC2 state of a CloudStack connection state (`Site2SiteVpnConnection.State`): `Pending` until its
    /// start job ends; every later state is a configured connection, whose tunnel may be up or down.
    static func state(_ cloudStack: String?) -> String { cloudStack == "Pending" ? "pending" : "available" }

    /// The view of `connection`, or nil when CloudStack's ids are not UUIDs. `vpcByGateway` maps CloudStack VPN
    /// gateway ids to their VPC's id, which names EC2's `vgw-`.
    init?(_ connection: VpnConnection, vpcByGateway: [String: String]) {
        guard let id = connection.id.flatMap({ EC2ID(kind: .vpnConnection, cloudStackUUID: $0) }),
            let customer = connection.s2scustomergatewayid.flatMap({ EC2ID(kind: .customerGateway, cloudStackUUID: $0) }),
            let vpc = connection.s2svpngatewayid.flatMap({ vpcByGateway[$0] }).flatMap({ EC2ID(kind: .vpc, cloudStackUUID: $0) })
        else { return nil }
        vpnConnectionId = id.description
        state = Self.state(connection.state)
        customerGatewayId = customer.description
        vpnGatewayId = ResourceKind.vpnGateway.prefix + vpc.hex
        outsideIpAddress = connection.publicip ?? ""
        let cloudStackState = connection.state ?? "Unknown"
        telemetryStatus = cloudStackState == "Connected" ? "UP" : "DOWN"
        statusMessage = "CloudStack connection state \(XMLSafeName.clip(cloudStackState))"
        routes = (connection.cidrlist ?? "").split(separator: ",").map { $0.filter { $0 != " " }[...] }
            .filter { !$0.isEmpty && !CreateCustomerGateway.isPlaceholder($0) }
            .map { VpnStaticRouteView(destinationCidrBlock: String($0)) }
    }
}

/// botocore shape `VpnStaticRoute`: one peer CIDR of the connection's customer gateway.
struct VpnStaticRouteView: TemplateModel {
    let destinationCidrBlock: String
    static let templateFields: TemplateFields<Self> = ["destinationCidrBlock": .string(\.destinationCidrBlock)]
}
