import CloudStack
import Pipeline

/// `compute.images.patch` [updateTemplate displaytext; deleteTags, createTags for labels]: `description` and
/// `labels` (with `labelFingerprint`) only. Output-only members and an unchanged `name` or `family` are ignored as Google
/// ignores them; any other member is refused naming it (CloudStack cannot change it on an existing template).
enum ImagesPatch: GCEMethod {
    static let id = "compute.images.patch"
    static let httpMethod = HTTPMethod.patch
    static let path = "projects/{project}/global/images/{image}"

    /// The image and the fields to change (nil: leave as is).
    struct Input: Sendable {
        let name: String
        let description: String?
        let labels: [(key: String, value: String)]?
        let labelFingerprint: String?
        /// `family` as sent back unchanged by clients that patch a whole image; a different one is refused.
        let family: String?
    }

    static let outputOnly: Set<String> = [
        "kind", "id", "creationTimestamp", "selfLink", "status", "archiveSizeBytes", "diskSizeGb", "sourceType",
        "satisfiesPzi", "satisfiesPzs", "sourceDiskId", "sourceImageId", "sourceSnapshotId", "licenseCodes",
    ]

    static func decode(_ request: MethodRequest) throws(GCEError) -> Input {
        let name = try request.name("image")
        let body = try request.json().requireObject()
        var labels: [(key: String, value: String)]?
        if case .object(let members) = body {
            for (key, value) in members {
                switch key {
                case "description", "labelFingerprint", "family": continue
                case "labels": labels = try body.stringMap("labels", at: "resource.labels")
                case "name":
                    guard case .string(let given) = value, given == name else {
                        throw GCEError.invalid("Invalid value for field 'resource.name': an image cannot be renamed")
                    }
                default:
                    guard outputOnly.contains(key) else {
                        throw GCEError.invalid(
                            "Invalid value for field 'resource.\(key.prefix(64))': images.patch changes only description and labels")
                    }
                }
            }
        }
        if let labels { try Labels.validate(labels) }
        let description = try body.string("description", at: "resource.description")
        if let description, description.isEmpty || description.utf8.count > 2048 {
            throw GCEError.invalid("Invalid value for field 'resource.description': must be 1-2048 characters")
        }
        return Input(
            name: name, description: description, labels: labels,
            labelFingerprint: try body.string("labelFingerprint", at: "resource.labelFingerprint"),
            family: try body.string("family", at: "resource.family"))
    }

    static func call(_ input: Input, in context: MethodCall) async throws -> Operation {
        let image = try await context.image(input.name)
        let id = image.row.id ?? ""
        if let family = input.family, family != Conversions.family(image.row) {
            throw GCEError.invalid("Invalid value for field 'resource.family': the family is the template's OS type in CloudStack")
        }
        var job: String?
        if let labels = input.labels {
            let current = MetadataTags.labels(image.row.tags)
            if let given = input.labelFingerprint {
                try context.checkFingerprint(given, current: Fingerprint.of(pairs: current), what: "label")
            }
            job = try await context.replaceTags(on: id, type: "Template", oldKeys: current.map(\.key), newTags: labels)
        }
        if let description = input.description {
            _ = try await context.call(CommandTable.updateTemplate, ["id": id, "displaytext": description])
        }
        guard let job else { return context.done(.imagePatch, target: id, scope: .global, targetName: image.name) }
        return context.started(.imagePatch, job: job, target: id, scope: .global, targetName: image.name)
    }
}
