import CloudStack

/// `DescribeAccountAttributes` [listResourceLimits; listZones, listNetworks for `default-vpc`]: instance
/// and address limits of the caller's CloudStack account (`-1`, CloudStack's "no limit", is reported as
/// `unlimited`), platforms `VPC` (every zone kind is shown as VPCs; EC2-Classic does not exist), and
/// `default-vpc` the synthetic default VPC when the caller sees a guest network outside a CloudStack
/// VPC, else `none` (docs/decisions/0009-ec2-network-model.md §1).
enum DescribeAccountAttributes: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let attributeNames: [String]?
        enum CodingKeys: String, CodingKey { case attributeNames = "AttributeName" }
    }

    /// The result.
    struct Output: TemplateModel {
        let accountAttributeSet: [AccountAttributeView]
        static let templateFields: TemplateFields<Self> = ["accountAttributeSet": .list(\.accountAttributeSet)]
    }

    static let name = "DescribeAccountAttributes"

    /// `AccountAttributeName` values and the CloudStack resource type behind the limits (ResourceType: 0 VM, 1 public IP).
    static let all = [
        "supported-platforms", "default-vpc", "max-instances", "vpc-max-security-groups-per-interface", "max-elastic-ips",
        "vpc-max-elastic-ips",
    ]

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let wanted = input.attributeNames.flatMap { $0.isEmpty ? nil : $0 } ?? all
        for name in wanted where !all.contains(name) {
            throw EC2Error.invalidParameterValue(
                name: "AttributeName", value: XMLSafeName.clip(name), expected: all.joined(separator: ", "))
        }
        var limits: [String: Int64] = [:]
        if wanted.contains(where: { $0.hasPrefix("max-") || $0 == "vpc-max-elastic-ips" }) {
            for limit in try await context.list(CommandTable.listResourceLimits) {
                if let type = limit.resourcetype, let max = limit.max { limits[type] = max }
            }
        }
        var defaultVPC = "none"
        if wanted.contains("default-vpc"), try await VPCInventory.defaultVPCExists(in: context) {
            defaultVPC = SecurityGroupMapping.defaultVpcID
        }
        func limit(_ type: String) -> String {
            guard let value = limits[type] else { return "unlimited" }
            return value < 0 ? "unlimited" : String(value)
        }
        let attributes = wanted.map { name -> AccountAttributeView in
            switch name {
            case "supported-platforms": AccountAttributeView(attributeName: name, attributeValues: ["VPC"])
            case "default-vpc": AccountAttributeView(attributeName: name, attributeValues: [defaultVPC])
            case "max-instances": AccountAttributeView(attributeName: name, attributeValues: [limit("0")])
            case "max-elastic-ips", "vpc-max-elastic-ips": AccountAttributeView(attributeName: name, attributeValues: [limit("1")])
            default: AccountAttributeView(attributeName: name, attributeValues: ["5"])
            }
        }
        return Output(accountAttributeSet: attributes)
    }
}
