import CloudStack

/// `ResetImageAttribute` [updateTemplatePermissions `op=reset`, `ispublic=false`]: `launchPermission`
/// back to the owner alone, the one attribute EC2 resets.
enum ResetImageAttribute: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let imageId: String
        let attribute: String
        enum CodingKeys: String, CodingKey {
            case imageId = "ImageId"
            case attribute = "Attribute"
        }
    }

    typealias Output = ReturnView
    static let name = "ResetImageAttribute"

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        guard input.attribute == "launchPermission" else {
            throw EC2Error.invalidParameterValue(name: "Attribute", value: XMLSafeName.clip(input.attribute), expected: "launchPermission")
        }
        let (_, template) = try await ImageLookup.require(input.imageId, in: context)
        guard let owned = try await ImageLookup.template(uuid: template.id ?? "", in: context) else {
            throw EC2Error.unauthorizedOperation("You do not own the image \(input.imageId).")
        }
        _ = try await context.call(
            EC2Commands.updateTemplatePermissions, ["id": owned.id ?? "", "op": "reset", "ispublic": "false"],
            context: .ids(.image, [input.imageId]))
        return ReturnView(value: true)
    }
}
