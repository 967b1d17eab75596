import CloudStack

/// `DescribeStaleSecurityGroups`: a stale rule names a group in a deleted peered VPC; CloudStack has no VPC
/// peering, so the answer is empty for any existing VPC (the default VPC, or a CloudStack VPC).
enum DescribeStaleSecurityGroups: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let vpcId: String?
        let maxResults: Int?
        let nextToken: String?
        enum CodingKeys: String, CodingKey {
            case vpcId = "VpcId"
            case maxResults = "MaxResults"
            case nextToken = "NextToken"
        }
    }

    /// The result: always empty.
    struct Output: TemplateModel {
        let staleSecurityGroupSet: [SecurityGroupForVpcView]
        static let templateFields: TemplateFields<Self> = ["staleSecurityGroupSet": .list(\.staleSecurityGroupSet)]
    }

    static let name = "DescribeStaleSecurityGroups"

    static func validate(_ input: Input) throws(EC2Error) {
        guard let vpc = input.vpcId, !vpc.isEmpty else { throw EC2Error.missingParameter("VpcId") }
        _ = try EC2ID.parse(vpc, as: .vpc)
        _ = try MaxResults.validate(input.maxResults, range: 5...255)
        if let token = input.nextToken, !token.isEmpty { throw EC2Error.invalidNextToken() }
    }

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let vpc = try EC2ID.parse(input.vpcId ?? "", as: .vpc)
        if vpc.description != SecurityGroupMapping.defaultVpcID {
            let vpcs = try await context.list(CommandTable.listVPCs, ["id": vpc.cloudStackUUID], context: .ids(.vpc, [vpc.description]))
            guard vpcs.contains(where: { $0.id == vpc.cloudStackUUID }) else { throw EC2Error.notFound(.vpc, ids: [vpc.description]) }
        }
        return Output(staleSecurityGroupSet: [])
    }
}
