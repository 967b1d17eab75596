import CloudStack

/// `ModifyImageAttribute` [updateTemplatePermissions]: launch permissions only. `group=all` maps to
/// `ispublic`, user ids are CloudStack account names (`accounts` with `op=add`/`remove`).
enum ModifyImageAttribute: EC2Action {
    /// One `LaunchPermission.Add.N` / `.Remove.N`.
    struct Permission: Decodable, Sendable {
        let group: String?
        let userId: String?
        enum CodingKeys: String, CodingKey {
            case group = "Group"
            case userId = "UserId"
        }
    }

    /// `LaunchPermission`.
    struct Modifications: Decodable, Sendable {
        let add: [Permission]?
        let remove: [Permission]?
        enum CodingKeys: String, CodingKey {
            case add = "Add"
            case remove = "Remove"
        }
    }

    /// Wire input.
    struct Input: Decodable, Sendable {
        let imageId: String
        let attribute: String?
        let operationType: String?
        let userIds: [String]?
        let userGroups: [String]?
        let launchPermission: Modifications?
        let description: AttributeValueInput?
        enum CodingKeys: String, CodingKey {
            case imageId = "ImageId"
            case attribute = "Attribute"
            case operationType = "OperationType"
            case userIds = "UserId"
            case userGroups = "UserGroup"
            case launchPermission = "LaunchPermission"
            case description = "Description"
        }
    }

    typealias Output = ReturnView
    static let name = "ModifyImageAttribute"

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        if input.description != nil || (input.attribute != nil && input.attribute != "launchPermission") {
            throw EC2Error.unsupportedOperation("Only the launchPermission attribute of an image can be modified here.")
        }
        var add = input.launchPermission?.add ?? []
        var remove = input.launchPermission?.remove ?? []
        // The older form: OperationType with UserId.N / UserGroup.N.
        if let operation = input.operationType {
            let permissions =
                (input.userIds ?? []).map { Permission(group: nil, userId: $0) }
                + (input.userGroups ?? []).map { Permission(group: $0, userId: nil) }
            switch operation {
            case "add": add += permissions
            case "remove": remove += permissions
            default:
                throw EC2Error.invalidParameterValue(name: "OperationType", value: XMLSafeName.clip(operation), expected: "add or remove")
            }
        }
        guard !add.isEmpty || !remove.isEmpty else { throw EC2Error.missingParameter("LaunchPermission") }
        for permission in add + remove where permission.group != nil && permission.group != "all" {
            throw EC2Error.invalidParameterValue(name: "Group", value: XMLSafeName.clip(permission.group ?? ""), expected: "all")
        }
        let (id, _) = try await ImageLookup.require(input.imageId, in: context)
        let errorContext = ErrorContext.ids(.image, [input.imageId])
        if add.contains(where: { $0.group == "all" }) || remove.contains(where: { $0.group == "all" }) {
            let makePublic = add.contains { $0.group == "all" }
            _ = try await context.call(
                EC2Commands.updateTemplatePermissions, ["id": id.cloudStackUUID, "ispublic": makePublic ? "true" : "false"],
                context: errorContext)
        }
        for (operation, list) in [("add", add), ("remove", remove)] {
            let accounts = list.compactMap(\.userId)
            guard !accounts.isEmpty else { continue }
            var parameters: Parameters = ["id": id.cloudStackUUID, "op": operation]
            parameters.setList("accounts", accounts)
            _ = try await context.call(EC2Commands.updateTemplatePermissions, parameters, context: errorContext)
        }
        return ReturnView(value: true)
    }
}
