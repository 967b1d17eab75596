import CloudStack

/// `DeleteSecurityGroup` [deleteSecurityGroup]: by `GroupId` or `GroupName`. The `default` group is EC2's
/// `CannotDelete`; a group an instance uses or another group's rule names is `DependencyViolation`, as CloudStack refuses it.
enum DeleteSecurityGroup: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let groupId: String?
        let groupName: String?
        enum CodingKeys: String, CodingKey {
            case groupId = "GroupId"
            case groupName = "GroupName"
        }
    }

    /// The result.
    struct Output: TemplateModel {
        let groupId: String
        static let templateFields: TemplateFields<Self> = ["return": .bool { _ in true }, "groupId": .string(\.groupId)]
    }

    static let name = "DeleteSecurityGroup"

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let groups = try await SecurityGroupLookup.all(in: context)
        let group = try SecurityGroupLookup.require(id: input.groupId, name: input.groupName, in: groups)
        let id = SecurityGroupLookup.ec2ID(group)
        if group.name?.lowercased() == "default" {
            throw EC2Error(code: "CannotDelete", message: "the specified group: \"\(id)\" name: \"default\" cannot be deleted by a user")
        }
        let referencing = groups.first { other in
            (other.ingressrule + other.egressrule).contains { $0.securitygroupname == group.name && $0.account == group.account }
        }
        if let referencing {
            throw EC2Error(
                code: "DependencyViolation",
                message: "resource \(id) has a dependent object: a rule of \(SecurityGroupLookup.ec2ID(referencing)) names it")
        }
        let result: Result<SuccessResult, EC2Error>
        do {
            result = .success(
                try await context.call(CommandTable.deleteSecurityGroup, ["id": group.id ?? ""], context: .ids(.securityGroup, [id])))
        } catch {
            result = .failure(error)
        }
        // CloudStack answers 536 "Cannot delete group when it's in use by virtual machines".
        if case .failure(let error) = result, error.code == "IncorrectState" {
            throw EC2Error(code: "DependencyViolation", message: "resource \(id) has a dependent object: an instance uses it")
        }
        _ = try result.get()
        return Output(groupId: id)
    }
}
