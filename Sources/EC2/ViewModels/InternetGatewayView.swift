/// botocore shape `InternetGateway`: a CloudStack VPC's virtual router, always attached to its VPC.
struct InternetGatewayView: TemplateModel {
    let internetGatewayId: String
    let vpcId: String
    let ownerId: String

    static let templateFields: TemplateFields<Self> = [
        "internetGatewayId": .string(\.internetGatewayId),
        "vpcId": .string(\.vpcId),
        "ownerId": .string(\.ownerId),
    ]
}
