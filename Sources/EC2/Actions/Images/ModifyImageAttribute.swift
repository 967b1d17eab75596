import CloudStack

/// `ModifyImageAttribute` [updateTemplatePermissions, updateTemplate]: launch permissions and the
/// description. `group=all` maps to `ispublic`, user ids are CloudStack account names (`accounts`
/// with `op=add`/`remove`); `Description.Value` (or `Attribute=description` with `Value`) is the
/// template's `displaytext`. Other attributes (kernel, ramdisk, product codes, ...) have no
/// CloudStack counterpart and are refused naming them.
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
        let value: String?
        let productCodes: [String]?
        let imdsSupport: AttributeValueInput?
        enum CodingKeys: String, CodingKey {
            case imageId = "ImageId"
            case attribute = "Attribute"
            case operationType = "OperationType"
            case userIds = "UserId"
            case userGroups = "UserGroup"
            case launchPermission = "LaunchPermission"
            case description = "Description"
            case value = "Value"
            case productCodes = "ProductCode"
            case imdsSupport = "ImdsSupport"
        }
    }

    typealias Output = ReturnView
    static let name = "ModifyImageAttribute"

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        if input.productCodes != nil {
            throw EC2Error.unsupportedOperation("ProductCode is not supported: CloudStack has no product codes.")
        }
        if input.imdsSupport != nil { throw EC2Error.unsupportedOperation("ImdsSupport is not supported: CloudStack has no IMDS.") }
        if let attribute = input.attribute, attribute != "launchPermission", attribute != "description" {
            throw EC2Error.unsupportedOperation(
                "The image attribute '\(XMLSafeName.clip(attribute))' cannot be modified here: only launchPermission and description.")
        }
        if input.description != nil || input.attribute == "description" {
            return try await modifyDescription(input, in: context)
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
        let (_, template) = try await ImageLookup.require(input.imageId, in: context)
        let uuid = template.id ?? ""
        let errorContext = ErrorContext.ids(.image, [input.imageId])
        if add.contains(where: { $0.group == "all" }) || remove.contains(where: { $0.group == "all" }) {
            let makePublic = add.contains { $0.group == "all" }
            _ = try await context.call(
                EC2Commands.updateTemplatePermissions, ["id": uuid, "ispublic": makePublic ? "true" : "false"],
                context: errorContext)
        }
        for (operation, list) in [("add", add), ("remove", remove)] {
            let accounts = list.compactMap(\.userId)
            guard !accounts.isEmpty else { continue }
            var parameters: Parameters = ["id": uuid, "op": operation]
            parameters.setList("accounts", accounts)
            _ = try await context.call(EC2Commands.updateTemplatePermissions, parameters, context: errorContext)
        }
        return ReturnView(value: true)
    }

    /// `Description` [updateTemplate `displaytext`].
    static func modifyDescription(_ input: Input, in context: ActionContext) async throws(EC2Error) -> Output {
        guard let text = input.description?.value ?? input.value else { throw EC2Error.missingParameter("Description.Value") }
        guard !text.isEmpty, text.count <= 255 else {
            // CloudStack requires a display text; EC2 allows up to 255 characters.
            throw EC2Error.invalidParameterValue("The description must be between 1 and 255 characters long.")
        }
        let (_, template) = try await ImageLookup.require(input.imageId, in: context)
        _ = try await context.call(
            EC2Commands.updateTemplate, ["id": template.id ?? "", "displaytext": text], context: .ids(.image, [input.imageId]))
        return ReturnView(value: true)
    }
}
