/// botocore shape `NatGateway`: a CloudStack VPC's source NAT address.
struct NatGatewayView: TemplateModel {
    let natGatewayId: String
    let vpcId: String
    let createTime: String
    let publicIp: String
    let allocationId: String
    let ownerId: String

    static let templateFields: TemplateFields<Self> = [
        "natGatewayId": .string(\.natGatewayId),
        "vpcId": .string(\.vpcId),
        "createTime": .string(\.createTime),
        "publicIp": .string(\.publicIp),
        "allocationId": .string(\.allocationId),
    ]
}
