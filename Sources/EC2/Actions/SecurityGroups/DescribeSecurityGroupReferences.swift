import CloudStack

/// `DescribeSecurityGroupReferences`: no group is referenced from a peered VPC (CloudStack has no VPC
/// peering), so the answer is empty once every `GroupId.N` is found.
enum DescribeSecurityGroupReferences: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let groupIds: [String]?
        enum CodingKeys: String, CodingKey { case groupIds = "GroupId" }
    }

    /// The result: always empty.
    struct Output: TemplateModel {
        let securityGroupReferenceSet: [SecurityGroupForVpcView]
        static let templateFields: TemplateFields<Self> = ["securityGroupReferenceSet": .list(\.securityGroupReferenceSet)]
    }

    static let name = "DescribeSecurityGroupReferences"

    static func validate(_ input: Input) throws(EC2Error) {
        guard !(input.groupIds ?? []).isEmpty else { throw EC2Error.missingParameter("GroupId") }
        for id in input.groupIds ?? [] { _ = try EC2ID.parse(id, as: .securityGroup) }
    }

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let groups = try await SecurityGroupLookup.all(in: context)
        for id in input.groupIds ?? [] { _ = try SecurityGroupLookup.require(id: id, name: nil, in: groups) }
        return Output(securityGroupReferenceSet: [])
    }
}
