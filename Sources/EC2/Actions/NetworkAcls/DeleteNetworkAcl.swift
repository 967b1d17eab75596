import CloudStack

/// `DeleteNetworkAcl` [listNetworkACLLists, listNetworks, deleteNetworkACLList]: a VPC's own list
/// with no tier using it (else `DependencyViolation`, as EC2 answers for an associated ACL); the
/// built-in lists are refused.
enum DeleteNetworkAcl: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let networkAclId: String?
        enum CodingKeys: String, CodingKey { case networkAclId = "NetworkAclId" }
    }

    typealias Output = ReturnView
    static let name = "DeleteNetworkAcl"

    static func validate(_ input: Input) throws(EC2Error) {
        guard let id = input.networkAclId, !id.isEmpty else { throw EC2Error.missingParameter("NetworkAclId") }
        _ = try EC2ID.parse(id, as: .networkAcl)
    }

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let id = try EC2ID.parse(input.networkAclId ?? "", as: .networkAcl)
        let list = try await NetworkAclMapping.list(id, mutable: true, in: context)
        let tiers = try await context.list(CommandTable.listNetworks, ["vpcid": list.vpcid ?? ""])
        if tiers.contains(where: { $0.aclid == list.id }) {
            throw EC2Error(
                code: "DependencyViolation", message: "The networkAcl '\(id.description)' has dependencies and cannot be deleted.")
        }
        _ = try await context.run(
            CommandTable.deleteNetworkACLList, ["id": id.cloudStackUUID], context: .ids(.networkAcl, [id.description]))
        return ReturnView(value: true)
    }
}
