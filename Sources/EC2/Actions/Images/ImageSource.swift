import CloudStack

/// An image CreateImage made from an instance, held by CloudStack on the snapshot of its root volume.
///
/// CloudStack can create a template only from a `BackedUp` snapshot, which can take minutes, while
/// EC2 answers the image id at once. So the id answered is `ami-` + the snapshot's hex, the image's
/// facts are internal tags on the snapshot (`InternalTags.image*`), and the template is created by
/// whichever request first looks at the image once the snapshot is backed up
/// (docs/decisions/0007-images-of-running-instances.md). The template carries the answered id as
/// `stackbridge:image-id`, so the id never changes; nothing lives in the gateway's memory.
struct ImageSource: Sendable {
    /// The snapshot's CloudStack UUID.
    let snapshotUUID: String
    /// Its internal image tags by key.
    var tags: [String: String]
    /// The snapshot row, once read.
    var snapshot: Snapshot?

    /// The image id answered for the image made from snapshot `id`: the same hex with `ami-`.
    static func imageID(ofSnapshot id: EC2ID) -> String { ResourceKind.image.prefix + id.hex }

    /// The image id of this source.
    var imageID: String { EC2ID(kind: .image, cloudStackUUID: snapshotUUID)?.description ?? "" }
    /// The snapshot id of this source.
    var snapshotID: String { EC2ID(kind: .snapshot, cloudStackUUID: snapshotUUID)?.description ?? "" }
    /// The image name.
    var name: String { tags[InternalTags.imageName] ?? "" }
    /// The template made from the snapshot, once one was (or an unusable value if that failed).
    var templateUUID: String? { tags[InternalTags.imageTemplate] }
    /// The image's own tags (`TagSpecification` type `image`), to be copied to the template.
    var imageTags: [(key: String, value: String)] {
        tags.compactMap { key, value in
            key.hasPrefix(InternalTags.imageTagPrefix) ? (String(key.dropFirst(InternalTags.imageTagPrefix.count)), value) : nil
        }.sorted { $0.key < $1.key }
    }

    /// The caller's image sources, from its snapshots' tags (one listTags call).
    static func all(in context: ActionContext, snapshot uuid: String? = nil) async throws(EC2Error) -> [ImageSource] {
        var parameters: Parameters = ["resourcetype": "Snapshot"]
        if let uuid { parameters["resourceid"] = uuid }
        var byResource: [String: [String: String]] = [:]
        for tag in try await context.list(CommandTable.listTags, parameters) {
            guard let key = tag.key, key.hasPrefix("stackbridge:image-"), let resource = tag.resourceid else { continue }
            byResource[resource, default: [:]][key] = tag.value ?? ""
        }
        return byResource.compactMap { resource, tags in
            tags[InternalTags.imageName] == nil ? nil : ImageSource(snapshotUUID: resource, tags: tags)
        }.sorted { $0.snapshotUUID < $1.snapshotUUID }
    }

    /// The source an image id names, if it is one.
    static func named(_ id: EC2ID, in context: ActionContext) async throws(EC2Error) -> ImageSource? {
        try await all(in: context, snapshot: id.cloudStackUUID).first
    }

    /// Reads the snapshot rows of `sources` (one listSnapshots call).
    static func withSnapshots(_ sources: [ImageSource], in context: ActionContext) async throws(EC2Error) -> [ImageSource] {
        guard !sources.isEmpty else { return [] }
        var parameters = Parameters()
        if sources.count == 1 { parameters["id"] = sources[0].snapshotUUID } else { parameters.setList("ids", sources.map(\.snapshotUUID)) }
        let rows = try await context.list(CommandTable.listSnapshots, parameters)
        return sources.map { source in
            var source = source
            source.snapshot = rows.first { $0.id == source.snapshotUUID }
            return source
        }
    }

    /// Creates the template once the snapshot is backed up, unless another request already claimed it.
    ///
    /// The claim is a tag on the snapshot: CloudStack refuses a second tag with the same key on a
    /// resource, so of two gateways only one creates the template. The template gets the image id
    /// and the image's tags before the snapshot records its UUID, so the image is never listed twice
    /// under different ids.
    func advanced(in context: ActionContext) async throws(EC2Error) -> ImageSource {
        guard templateUUID == nil, tags[InternalTags.imageClaim] == nil, let snapshot, snapshot.state == "BackedUp" else { return self }
        var next = self
        do {
            try await Self.tag(
                [(InternalTags.imageClaim, String(context.clock.epochSeconds))], on: snapshotUUID, type: "Snapshot", in: context)
        } catch {
            // Someone else holds the claim.
            next.tags[InternalTags.imageClaim] = ""
            return next
        }
        next.tags[InternalTags.imageClaim] = String(context.clock.epochSeconds)
        let parameters: Parameters = [
            "snapshotid": snapshotUUID, "name": name, "displaytext": tags[InternalTags.imageDescription] ?? name,
            "ostypeid": tags[InternalTags.imageOSType] ?? snapshot.ostypeid ?? "",
        ]
        let created: String
        do {
            let receipt = try await context.submit(CommandTable.createTemplate, parameters)
            created = receipt.id ?? "none"
        } catch {
            // Refused outright (a quota, say): the image has failed, and says so from now on.
            created = "none"
        }
        if created != "none" {
            do {
                try await Self.tag(
                    [(InternalTags.imageID, imageID), (InternalTags.snapshotID, snapshotID)] + imageTags, on: created, type: "Template",
                    in: context)
            } catch {
                // The template's job failed and CloudStack removed it: the snapshot's record below makes the image `failed`.
            }
        }
        try await Self.tag([(InternalTags.imageTemplate, created)], on: snapshotUUID, type: "Snapshot", in: context)
        next.tags[InternalTags.imageTemplate] = created
        return next
    }

    /// How long a claim may stand without a template before the image counts as failed (a gateway
    /// that claimed it died before createTemplate).
    static let claimTimeoutSeconds: Int64 = 900

    /// The image's view while it has no usable template: `pending` until the template exists,
    /// `failed` if the snapshot failed or the template could not be made.
    func view(templateExists: Bool, now: Int64) -> ImageView? {
        guard let snapshot, let id = EC2ID(kind: .image, cloudStackUUID: snapshotUUID) else { return nil }
        var failed = snapshot.state == "Error"
        if templateUUID != nil, !templateExists { failed = true }
        if templateUUID == nil, let claim = tags[InternalTags.imageClaim].flatMap({ Int64($0) }), now - claim > Self.claimTimeoutSeconds {
            failed = true
        }
        if SnapshotView.state(of: snapshot.state) == nil { return nil }
        return ImageView(
            source: id, snapshotID: snapshotID, name: name, description: tags[InternalTags.imageDescription] ?? "",
            owner: snapshot.account ?? "", created: snapshot.created, bytes: snapshot.virtualsize ?? 0,
            state: failed ? "failed" : "pending", tags: imageTags)
    }

    /// Tags one resource with internal tags and waits for CloudStack's job, so the next read sees them.
    static func tag(_ tags: [(key: String, value: String)], on uuid: String, type: String, in context: ActionContext) async throws(EC2Error)
    {
        guard !tags.isEmpty else { return }
        var parameters: Parameters = ["resourcetype": type]
        parameters.setList("resourceids", [uuid])
        parameters.setTags(tags)
        _ = try await context.run(CommandTable.createTags, parameters)
    }

    /// The image that uses snapshot `id` (one made from it that still exists), if any.
    static func image(usingSnapshot id: EC2ID, _ snapshot: Snapshot, in context: ActionContext) async throws(EC2Error) -> String? {
        // An image deregistered here is gone for EC2 at once, though CloudStack's delete job may still run.
        guard let image = try await anyImage(usingSnapshot: id, snapshot, in: context), !ImageLookup.isDeregistered(image, in: context)
        else { return nil }
        return image
    }

    private static func anyImage(usingSnapshot id: EC2ID, _ snapshot: Snapshot, in context: ActionContext) async throws(EC2Error)
        -> String?
    {
        if snapshot.tags.contains(where: { $0.key == InternalTags.imageName }) {
            let source = ImageSource(
                snapshotUUID: id.cloudStackUUID,
                tags: Dictionary(
                    snapshot.tags.compactMap { tag in tag.key.map { ($0, tag.value ?? "") } }, uniquingKeysWith: { first, _ in first }))
            guard let template = source.templateUUID else { return source.imageID }
            if template != "none", try await ImageLookup.template(uuid: template, in: context) != nil { return source.imageID }
        }
        let registered = try await context.list(
            CommandTable.listTags, ["resourcetype": "Template", "key": InternalTags.snapshotID, "value": id.description])
        for tag in registered {
            guard let uuid = tag.resourceid, let template = try await ImageLookup.template(uuid: uuid, in: context) else { continue }
            return ImageView(template)?.imageId
        }
        return nil
    }
}
