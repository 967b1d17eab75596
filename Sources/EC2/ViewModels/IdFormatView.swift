/// botocore shape `IdFormat`: every id the gateway issues is long (a CloudStack UUID's 32 hex digits).
struct IdFormatView: TemplateModel {
    let resource: String
    static let templateFields: TemplateFields<Self> = ["resource": .string(\.resource)]

    /// The resource types EC2 documents for its long-id settings (DescribeIdFormat's `Resource`).
    static let resources = [
        "bundle", "conversion-task", "customer-gateway", "dhcp-options", "elastic-ip-allocation", "elastic-ip-association",
        "export-task", "flow-log", "image", "import-task", "instance", "internet-gateway", "network-acl",
        "network-acl-association", "network-interface", "network-interface-attachment", "prefix-list", "reservation",
        "route-table", "route-table-association", "security-group", "snapshot", "subnet", "subnet-cidr-block-association",
        "volume", "vpc", "vpc-cidr-block-association", "vpc-endpoint", "vpc-peering-connection", "vpn-connection", "vpn-gateway",
    ]

    /// The statuses for `resource` (all when nil); an unknown resource is `InvalidParameterValue`.
    static func statuses(_ resource: String?) throws(EC2Error) -> [IdFormatView] {
        guard let resource, !resource.isEmpty else { return resources.map(IdFormatView.init) }
        guard resources.contains(resource) else {
            throw EC2Error.invalidParameterValue(name: "Resource", value: XMLSafeName.clip(resource), expected: "an EC2 resource type")
        }
        return [IdFormatView(resource: resource)]
    }
}
