import CloudStack

/// `DeregisterImage` [deleteTemplate]: submitted, not awaited.
enum DeregisterImage: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let imageId: String
        enum CodingKeys: String, CodingKey { case imageId = "ImageId" }
    }

    typealias Output = ReturnView
    static let name = "DeregisterImage"

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let (id, template) = try await ImageLookup.require(input.imageId, in: context)
        // Public images of other accounts are visible but not the caller's to remove.
        guard let owned = try await ImageLookup.templates(filter: "self", extra: ["id": id.cloudStackUUID], in: context).first,
            owned.id == template.id
        else { throw EC2Error.unauthorizedOperation("You do not own the image \(input.imageId).") }
        _ = try await context.submit(CommandTable.deleteTemplate, ["id": id.cloudStackUUID], context: .ids(.image, [input.imageId]))
        return ReturnView(value: true)
    }
}
