import CloudStack

/// `DescribeVpcAttribute` [listVPCs; listNetworks for the default VPC]: `enableDnsSupport` and
/// `enableDnsHostnames` true, `enableNetworkAddressUsageMetrics` false (VpcAttributes).
enum DescribeVpcAttribute: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let vpcId: String?
        let attribute: String?
        enum CodingKeys: String, CodingKey {
            case vpcId = "VpcId"
            case attribute = "Attribute"
        }
    }

    typealias Output = VpcAttributeView
    static let name = "DescribeVpcAttribute"

    static func validate(_ input: Input) throws(EC2Error) {
        guard let attribute = input.attribute, !attribute.isEmpty else { throw EC2Error.missingParameter("Attribute") }
        guard VpcAttributes.value(of: attribute) != nil else {
            throw EC2Error.invalidParameterValue(
                name: "Attribute", value: XMLSafeName.clip(attribute), expected: VpcAttributes.values.map(\.name).joined(separator: ", "))
        }
        guard let id = input.vpcId, !id.isEmpty else { throw EC2Error.missingParameter("VpcId") }
        _ = try EC2ID.parse(id, as: .vpc)
    }

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let id = try EC2ID.parse(input.vpcId ?? "", as: .vpc)
        try await requireVPC(id, in: context)
        return VpcAttributeView(vpcId: id.description, attribute: input.attribute ?? "")
    }

    /// The VPC exists for the caller (the default VPC when the caller has it), else `InvalidVpcID.NotFound`.
    static func requireVPC(_ id: EC2ID, in context: ActionContext) async throws(EC2Error) {
        let isDefault = id.description == SecurityGroupMapping.defaultVpcID
        let inventory = try await VPCInventory.load(vpc: id, networks: isDefault, in: context)
        let exists = isDefault ? inventory.hasDefaultVPC : inventory.vpcs.contains { $0.id == id.cloudStackUUID }
        if !exists { throw EC2Error.notFound(.vpc, ids: [id.description]) }
    }
}
