import CloudStack

/// `ReplaceNetworkAclEntry` [listNetworkACLLists, listNetworkACLs, deleteNetworkACL, createNetworkACL]:
/// the item with that number and direction is replaced by the new rule under the same number (none is
/// `InvalidNetworkAclEntry.NotFound`). CloudStack's updateNetworkACLItem cannot clear a field (ports
/// when the protocol becomes `-1`), so the item is deleted and created again.
enum ReplaceNetworkAclEntry: EC2Action {
    typealias Input = NetworkAclEntryInput
    typealias Output = ReturnView
    static let name = "ReplaceNetworkAclEntry"

    static func validate(_ input: Input) throws(EC2Error) { try input.validate() }

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let id = try EC2ID.parse(input.networkAclId ?? "", as: .networkAcl)
        let list = try await NetworkAclMapping.list(id, mutable: true, in: context)
        let items = try await NetworkAclMapping.items(of: list, in: context)
        guard let item = input.existing(in: items), let itemID = item.id else {
            throw NetworkAclEntryLookup.notFound(input.ruleNumber ?? 0, egress: input.egress ?? false, acl: id)
        }
        _ = try await context.run(CommandTable.deleteNetworkACL, ["id": itemID])
        _ = try await context.run(CommandTable.createNetworkACL, input.parameters(aclUUID: id.cloudStackUUID))
        return ReturnView(value: true)
    }
}

/// The error for an entry that does not exist.
enum NetworkAclEntryLookup {
    /// `InvalidNetworkAclEntry.NotFound`.
    static func notFound(_ number: Int, egress: Bool, acl: EC2ID) -> EC2Error {
        EC2Error(
            code: "InvalidNetworkAclEntry.NotFound",
            message:
                "The network acl entry identified by \(number) (\(egress ? "egress" : "ingress")) does not exist in \(acl.description).")
    }
}
