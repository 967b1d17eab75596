import CloudStack

/// `CreateSnapshot` [listVolumes, createSnapshot, createTags]: answers the new `pending` snapshot at once.
///
/// `Description` becomes the CloudStack snapshot's `name` (CloudStack has no description). Tags
/// of `TagSpecification` (type `snapshot`) go on as the snapshot row exists. `OutpostArn` and
/// `Location` (Outposts, Local Zones) cannot be mapped and are refused naming them.
enum CreateSnapshot: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let volumeId: String
        let description: String?
        let tagSpecifications: [TagSpecification]?
        let outpostArn: String?
        let location: String?
        enum CodingKeys: String, CodingKey {
            case volumeId = "VolumeId"
            case description = "Description"
            case tagSpecifications = "TagSpecification"
            case outpostArn = "OutpostArn"
            case location = "Location"
        }
    }

    typealias Output = SnapshotView
    static let name = "CreateSnapshot"

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        if input.outpostArn != nil { throw EC2Error.unsupportedOperation("OutpostArn is not supported: CloudStack has no Outposts.") }
        if input.location != nil { throw EC2Error.unsupportedOperation("Location is not supported: CloudStack snapshots are regional.") }
        try SnapshotLookup.checkDescription(input.description)
        let tags = try TagSpecification.tags(input.tagSpecifications, for: "snapshot", allowed: ["snapshot"])
        let (_, volume) = try await SnapshotLookup.volume(input.volumeId, in: context)
        try SnapshotLookup.checkSnapshottable(volume, input.volumeId)
        let snapshot = try await take(volume, description: input.description, tags: tags, volumeID: input.volumeId, in: context)
        return snapshot
    }

    /// Submits `createSnapshot` of `volume` and tags the new row; the view of the pending snapshot.
    static func take(
        _ volume: Volume, description: String?, tags: [(key: String, value: String)], volumeID: String, in context: ActionContext
    ) async throws(EC2Error) -> SnapshotView {
        var parameters: Parameters = ["volumeid": volume.id ?? ""]
        if let description, !description.isEmpty { parameters["name"] = description }
        let receipt = try await context.submit(CommandTable.createSnapshot, parameters, context: .ids(.volume, [volumeID]))
        guard let uuid = receipt.id else { throw EC2Error.internalError() }
        try await context.createTags(tags, on: [uuid], resourceType: "Snapshot")
        // The row exists as soon as createSnapshot answers (BaseAsyncCreateCmd): read it back for the answer.
        guard var row = try await SnapshotLookup.snapshots(["id": uuid], in: context).first else { throw EC2Error.internalError() }
        for (key, value) in tags where !row.tags.contains(where: { $0.key == key }) {
            var tag = Tag()
            tag.key = key
            tag.value = value
            row.tags.append(tag)
        }
        guard let view = SnapshotView(row) else { throw EC2Error.internalError() }
        return view
    }
}
