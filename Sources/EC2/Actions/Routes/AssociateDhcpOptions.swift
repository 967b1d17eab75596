import CloudStack

/// `AssociateDhcpOptions` [listVPCs]: the fixed set `dopt-000…0` is what every VPC already has, so
/// associating it is a no-op once the VPC is found. `default` (no DHCP options) is refused: a
/// CloudStack virtual router always serves DHCP and DNS to its tiers.
enum AssociateDhcpOptions: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let dhcpOptionsId: String?
        let vpcId: String?
        enum CodingKeys: String, CodingKey {
            case dhcpOptionsId = "DhcpOptionsId"
            case vpcId = "VpcId"
        }
    }

    typealias Output = ReturnView
    static let name = "AssociateDhcpOptions"

    /// The synthetic default VPC's id (decision 0009).
    static let defaultVPC = ResourceKind.vpc.prefix + String(repeating: "0", count: 32)

    static func validate(_ input: Input) throws(EC2Error) {
        guard let options = input.dhcpOptionsId, !options.isEmpty else { throw EC2Error.missingParameter("DhcpOptionsId") }
        guard let vpc = input.vpcId, !vpc.isEmpty else { throw EC2Error.missingParameter("VpcId") }
        _ = try EC2ID.parse(vpc, as: .vpc)
        if options == "default" {
            throw EC2Error.unsupportedOperation(
                "DhcpOptionsId default is not supported: a CloudStack virtual router always serves DHCP and DNS to its networks.")
        }
        if options != DescribeDhcpOptions.fixedID {
            _ = try EC2ID.parse(options, as: .dhcpOptions)
            throw EC2Error.notFound(.dhcpOptions, ids: [options])
        }
    }

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let vpc = try EC2ID.parse(input.vpcId ?? "", as: .vpc)
        if vpc.description == defaultVPC { return ReturnView(value: true) }
        _ = try await VPCRouting.router(for: vpc, in: context)
        return ReturnView(value: true)
    }
}
