/// What a VPC's attributes are over CloudStack: its virtual router always serves DNS to the tiers and
/// resolves the instances' host names in the VPC's network domain, so `enableDnsSupport` and
/// `enableDnsHostnames` are true for every VPC and cannot be turned off; CloudStack keeps no network
/// address usage metrics, so `enableNetworkAddressUsageMetrics` is false and cannot be turned on.
enum VpcAttributes {
    /// Each attribute's fixed value, by its `VpcAttributeName`.
    static let values: [(name: String, value: Bool, reason: String)] = [
        ("enableDnsSupport", true, "a CloudStack VPC's virtual router always serves DNS to its tiers"),
        ("enableDnsHostnames", true, "a CloudStack VPC's virtual router always resolves its instances' host names"),
        ("enableNetworkAddressUsageMetrics", false, "CloudStack keeps no network address usage metrics"),
    ]

    /// The value of `attribute`, or nil for a name that is not a VPC attribute.
    static func value(of attribute: String) -> Bool? { values.first { $0.name == attribute }?.value }
}
