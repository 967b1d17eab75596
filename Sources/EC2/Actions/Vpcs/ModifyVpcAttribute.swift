/// `ModifyVpcAttribute` [listVPCs]: one attribute per call, as EC2 takes it. Setting an attribute to
/// the value it has (VpcAttributes) is a truthful no-op; the other value is `UnsupportedOperation`
/// naming the member and why.
enum ModifyVpcAttribute: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let vpcId: String?
        let enableDnsSupport: BooleanValueInput?
        let enableDnsHostnames: BooleanValueInput?
        let enableNetworkAddressUsageMetrics: BooleanValueInput?
        enum CodingKeys: String, CodingKey {
            case vpcId = "VpcId"
            case enableDnsSupport = "EnableDnsSupport"
            case enableDnsHostnames = "EnableDnsHostnames"
            case enableNetworkAddressUsageMetrics = "EnableNetworkAddressUsageMetrics"
        }
    }

    typealias Output = ReturnView
    static let name = "ModifyVpcAttribute"

    static func validate(_ input: Input) throws(EC2Error) {
        guard let id = input.vpcId, !id.isEmpty else { throw EC2Error.missingParameter("VpcId") }
        _ = try EC2ID.parse(id, as: .vpc)
        let given = [
            ("EnableDnsSupport", input.enableDnsSupport), ("EnableDnsHostnames", input.enableDnsHostnames),
            ("EnableNetworkAddressUsageMetrics", input.enableNetworkAddressUsageMetrics),
        ].filter { $0.1 != nil }
        guard given.count == 1, let (member, attribute) = given.first, let wanted = attribute?.value else {
            if given.count > 1 {
                throw EC2Error.invalidParameterCombination(
                    "Fields for multiple attribute types specified: only one attribute can be modified at a time")
            }
            throw EC2Error.missingParameter(given.first?.0.appending(".Value") ?? "EnableDnsSupport")
        }
        let name = member.prefix(1).lowercased() + member.dropFirst()
        guard let entry = VpcAttributes.values.first(where: { $0.name == name }), entry.value != wanted else { return }
        throw EC2Error.unsupportedOperation("\(member) cannot be set to \(wanted): \(entry.reason)")
    }

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        try await DescribeVpcAttribute.requireVPC(try EC2ID.parse(input.vpcId ?? "", as: .vpc), in: context)
        return ReturnView(value: true)
    }
}
