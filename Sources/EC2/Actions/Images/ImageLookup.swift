import CloudStack

/// Reads templates as images: deduplicated across zones (CloudStack lists one row per zone).
enum ImageLookup {
    /// Templates under `filter` (`executable`, `self`, `featured`, ...), one row per id.
    static func templates(filter: String, extra: Parameters = Parameters(), in context: ActionContext, errorContext: ErrorContext = .none)
        async throws(EC2Error) -> [Template]
    {
        var parameters = extra
        parameters["templatefilter"] = filter
        var seen: Set<String> = []
        return try await context.list(CommandTable.listTemplates, parameters, context: errorContext).filter { template in
            guard let id = template.id else { return false }
            return seen.insert(id).inserted
        }
    }

    /// The templates an image id names under `filter`: the template with that UUID or, for an image
    /// CreateImage made from a running instance (`ImageSource`), the template carrying that id.
    static func templates(imageID id: EC2ID, filter: String, extra: Parameters = Parameters(), in context: ActionContext)
        async throws(EC2Error) -> [Template]
    {
        var byID = extra
        byID["id"] = id.cloudStackUUID
        do throws(EC2Error) {
            let found = try await templates(filter: filter, extra: byID, in: context, errorContext: .ids(.image, [id.description]))
            if !found.isEmpty { return found }
        } catch  where error.code == ResourceKind.image.notFoundCode {
            // No template has that UUID (CloudStack answers 431): it may be an image id kept on a template's tag.
        }
        var byTag = Parameters()
        byTag.setTags([(InternalTags.imageID, id.description)])
        return try await templates(filter: filter, extra: byTag, in: context)
    }

    /// The caller's own template with a CloudStack UUID, or `nil` if there is none (any more).
    static func template(uuid: String, in context: ActionContext) async throws(EC2Error) -> Template? {
        do throws(EC2Error) {
            return try await templates(filter: "self", extra: ["id": uuid], in: context, errorContext: .ids(.image, [uuid])).first
        } catch  where error.code == ResourceKind.image.notFoundCode {
            return nil
        }
    }

    /// The one template an image id names (any the caller can see), or `InvalidAMIID.NotFound`.
    ///
    /// `id` is the id as the caller gave it; the template's own UUID is `template.id`. An image
    /// still being made from a snapshot has no template yet: `IncorrectState`.
    static func require(_ imageID: String, in context: ActionContext) async throws(EC2Error) -> (id: EC2ID, template: Template) {
        let id = try EC2ID.parse(imageID, as: .image)
        if isDeregistered(id.description, in: context) { throw EC2Error.notFound(.image, ids: [imageID]) }
        for filter in ["self", "executable"] {
            if let template = try await templates(imageID: id, filter: filter, in: context).first, template.id != nil {
                return (id, template)
            }
        }
        if try await ImageSource.named(id, in: context) != nil {
            throw EC2Error(code: "IncorrectState", message: "The image '\(imageID)' is still pending: its snapshot is being taken.")
        }
        throw EC2Error.notFound(.image, ids: [imageID])
    }

    /// Whether this gateway deregistered the image within `GatewayMemory.deletedTTL`.
    static func isDeregistered(_ imageID: String, in context: ActionContext) -> Bool {
        context.memory.deregisteredImages.value(for: context.accessKeyID + "/" + imageID) != nil
    }

    /// Refuses an image name the caller already uses (EC2: `InvalidAMIName.Duplicate`), counting
    /// images still being made from snapshots.
    static func checkNameFree(_ name: String, in context: ActionContext) async throws(EC2Error) {
        let taken = try await templates(filter: "self", extra: ["name": name], in: context).contains { template in
            template.name == name && !isDeregistered(ImageView(template)?.imageId ?? "", in: context)
        }
        let pending = try await context.list(
            CommandTable.listTags, ["resourcetype": "Snapshot", "key": InternalTags.imageName, "value": name]
        ).contains { tag in
            guard tag.value == name, let uuid = tag.resourceid, let id = EC2ID(kind: .image, cloudStackUUID: uuid) else { return false }
            return !isDeregistered(id.description, in: context)
        }
        if taken || pending {
            throw EC2Error(code: "InvalidAMIName.Duplicate", message: "AMI name \(XMLSafeName.clip(name)) is already in use by an AMI.")
        }
    }
}
