import CloudStack

/// `DeleteSnapshot` [listSnapshots, listTags, deleteSnapshot]: submitted, not awaited; the snapshot
/// stops being listed at once, as on EC2.
///
/// A snapshot an image was made from is `InvalidSnapshot.InUse` while the image exists (EC2's
/// rule; CloudStack itself would delete it). CloudStack deletes only a `BackedUp` or `Error`
/// snapshot, so one still being created is `IncorrectState`.
enum DeleteSnapshot: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let snapshotId: String
        enum CodingKeys: String, CodingKey { case snapshotId = "SnapshotId" }
    }

    typealias Output = ReturnView
    static let name = "DeleteSnapshot"

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let (id, snapshot) = try await SnapshotLookup.require(input.snapshotId, in: context)
        if let image = try await ImageSource.image(usingSnapshot: id, snapshot, in: context) {
            throw EC2Error(
                code: "InvalidSnapshot.InUse", message: "The snapshot \(input.snapshotId) is currently in use by \(image)")
        }
        guard snapshot.state == "BackedUp" || snapshot.state == "Error" else {
            throw EC2Error(
                code: "IncorrectState",
                message: "The snapshot '\(input.snapshotId)' is still being created; CloudStack deletes it only once it is completed.")
        }
        _ = try await context.submit(CommandTable.deleteSnapshot, ["id": id.cloudStackUUID], context: .ids(.snapshot, [input.snapshotId]))
        context.memory.deletedSnapshots.store(true, for: context.accessKeyID + "/" + id.description, ttl: context.memory.deletedTTL)
        return ReturnView(value: true)
    }
}
