import CloudStack

/// `DeleteNetworkAclEntry` [listNetworkACLLists, listNetworkACLs, deleteNetworkACL]: the item with
/// that rule number and direction (none is `InvalidNetworkAclEntry.NotFound`).
enum DeleteNetworkAclEntry: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let networkAclId: String?
        let ruleNumber: Int?
        let egress: Bool?
        enum CodingKeys: String, CodingKey {
            case networkAclId = "NetworkAclId"
            case ruleNumber = "RuleNumber"
            case egress = "Egress"
        }
    }

    typealias Output = ReturnView
    static let name = "DeleteNetworkAclEntry"

    static func validate(_ input: Input) throws(EC2Error) {
        guard let id = input.networkAclId, !id.isEmpty else { throw EC2Error.missingParameter("NetworkAclId") }
        _ = try EC2ID.parse(id, as: .networkAcl)
        if input.ruleNumber == nil { throw EC2Error.missingParameter("RuleNumber") }
        if input.egress == nil { throw EC2Error.missingParameter("Egress") }
    }

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let id = try EC2ID.parse(input.networkAclId ?? "", as: .networkAcl)
        let list = try await NetworkAclMapping.list(id, mutable: true, in: context)
        let items = try await NetworkAclMapping.items(of: list, in: context)
        let egress = input.egress ?? false
        guard
            let item = items.first(where: {
                NetworkAclMapping.isEgress($0) == egress && NetworkAclMapping.ec2RuleNumber($0) == input.ruleNumber
            }), let itemID = item.id
        else { throw NetworkAclEntryLookup.notFound(input.ruleNumber ?? 0, egress: egress, acl: id) }
        _ = try await context.run(CommandTable.deleteNetworkACL, ["id": itemID])
        return ReturnView(value: true)
    }
}
