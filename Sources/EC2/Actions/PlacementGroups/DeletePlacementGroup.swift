import CloudStack

/// `DeletePlacementGroup` [listAffinityGroups, deleteAffinityGroup]: by `GroupName`; a group that
/// still has instances is EC2's `InvalidPlacementGroup.InUse`.
enum DeletePlacementGroup: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let groupName: String?
        enum CodingKeys: String, CodingKey { case groupName = "GroupName" }
    }

    typealias Output = ReturnView
    static let name = "DeletePlacementGroup"

    static func validate(_ input: Input) throws(EC2Error) {
        guard let name = input.groupName, !name.isEmpty else { throw EC2Error.missingParameter("GroupName") }
    }

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        guard let name = input.groupName else { throw EC2Error.missingParameter("GroupName") }
        let groups = try await context.list(CommandTable.listAffinityGroups, ["name": name])
        guard let group = groups.first(where: { $0.name == name && PlacementGroupView($0) != nil }), let id = group.id else {
            throw EC2Error(code: "InvalidPlacementGroup.Unknown", message: "The Placement Group '\(XMLSafeName.clip(name))' is unknown.")
        }
        if !group.virtualmachineIds.isEmpty {
            throw EC2Error(
                code: "InvalidPlacementGroup.InUse",
                message: "The placement group '\(XMLSafeName.clip(name))' is in use and may not be deleted.")
        }
        _ = try await context.run(CommandTable.deleteAffinityGroup, ["id": id])
        return ReturnView(value: true)
    }
}
