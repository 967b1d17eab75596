/// botocore `DescribeVpcAttributeResult`: the VPC id and only the attribute asked for.
struct VpcAttributeView: TemplateModel {
    let vpcId: String
    /// `enableDnsSupport`, `enableDnsHostnames` or `enableNetworkAddressUsageMetrics`.
    let attribute: String
    /// The attribute's value (VpcAttributes).
    var value: Bool { VpcAttributes.value(of: attribute) ?? false }

    static let templateFields: TemplateFields<Self> = [
        "vpcId": .string(\.vpcId),
        "attribute": .string(\.attribute),
        "value": .bool(\.value),
    ]
}
