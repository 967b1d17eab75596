import CloudStack

/// botocore shape `CustomerGateway`: a CloudStack VPN customer gateway (static routing only).
struct CustomerGatewayView: TemplateModel {
    let customerGatewayId: String
    let ipAddress: String
    let deviceName: String

    static let templateFields: TemplateFields<Self> = [
        "customerGatewayId": .string(\.customerGatewayId),
        "ipAddress": .string(\.ipAddress),
        "deviceName": .string(\.deviceName),
    ]

    init?(_ gateway: VpnCustomerGateway) {
        guard let id = gateway.id.flatMap({ EC2ID(kind: .customerGateway, cloudStackUUID: $0) }) else { return nil }
        customerGatewayId = id.description
        ipAddress = gateway.gateway ?? ""
        deviceName = gateway.name ?? ""
    }
}
