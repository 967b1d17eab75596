import CloudStack

/// `DeregisterImage` [listTemplates, deleteTemplate, deleteTags]: submitted, not awaited; the image
/// stops being listed at once, and for an hour DescribeImages by its id answers an empty list, as
/// EC2 does (CloudStack lists the template until its delete job ends).
///
/// An image CreateImage made from an instance (`ImageSource`) may still be only its snapshot, or
/// have failed: its image tags are removed from the snapshot, which stays, as on EC2.
enum DeregisterImage: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let imageId: String
        enum CodingKeys: String, CodingKey { case imageId = "ImageId" }
    }

    typealias Output = ReturnView
    static let name = "DeregisterImage"

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let id = try EC2ID.parse(input.imageId, as: .image)
        if ImageLookup.isDeregistered(id.description, in: context) { throw EC2Error.notFound(.image, ids: [input.imageId]) }
        let source = try await ImageSource.named(id, in: context)
        let owned = try await ImageLookup.templates(imageID: id, filter: "self", in: context).first
        if let template = owned?.id {
            _ = try await context.submit(CommandTable.deleteTemplate, ["id": template], context: .ids(.image, [input.imageId]))
        } else if source == nil {
            // Public images of other accounts are visible but not the caller's to remove.
            _ = try await ImageLookup.require(input.imageId, in: context)
            throw EC2Error.unauthorizedOperation("You do not own the image \(input.imageId).")
        }
        if let source {
            var parameters: Parameters = ["resourcetype": "Snapshot"]
            parameters.setList("resourceids", [source.snapshotUUID])
            parameters.setMap("tags", source.tags.keys.sorted().map { [("key", $0)] })
            _ = try await context.submit(CommandTable.deleteTags, parameters, context: .ids(.image, [input.imageId]))
        }
        context.memory.deregisteredImages.store(true, for: context.accessKeyID + "/" + id.description, ttl: context.memory.deletedTTL)
        return ReturnView(value: true)
    }
}
