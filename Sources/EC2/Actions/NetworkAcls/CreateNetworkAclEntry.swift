import CloudStack

/// `CreateNetworkAclEntry` [listNetworkACLLists, listNetworkACLs, createNetworkACL]: one CloudStack
/// item per entry (`NetworkAclEntryInput`); a rule number already used in that direction is
/// `NetworkAclEntryAlreadyExists`.
enum CreateNetworkAclEntry: EC2Action {
    typealias Input = NetworkAclEntryInput
    typealias Output = ReturnView
    static let name = "CreateNetworkAclEntry"

    static func validate(_ input: Input) throws(EC2Error) { try input.validate() }

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let id = try EC2ID.parse(input.networkAclId ?? "", as: .networkAcl)
        let list = try await NetworkAclMapping.list(id, mutable: true, in: context)
        let items = try await NetworkAclMapping.items(of: list, in: context)
        if input.existing(in: items) != nil {
            throw EC2Error(
                code: "NetworkAclEntryAlreadyExists",
                message: "The network acl entry identified by \(input.ruleNumber ?? 0) already exists.")
        }
        _ = try await context.run(CommandTable.createNetworkACL, input.parameters(aclUUID: id.cloudStackUUID))
        return ReturnView(value: true)
    }
}
