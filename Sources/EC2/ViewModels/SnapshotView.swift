import CloudStack

/// botocore shapes `Snapshot` and `SnapshotInfo`, from a CloudStack volume snapshot.
struct SnapshotView: TemplateModel {
    var snapshotId: String
    var volumeId: String
    var state: String
    var startTime: String
    var progress: String
    var ownerId: String
    var volumeSize: Int
    var description: String
    var tagSet: [TagView]
    var availabilityZone: String?

    static let templateFields: TemplateFields<Self> = [
        "snapshotId": .string(\.snapshotId),
        "volumeId": .string(\.volumeId),
        "state": .string(\.state),
        "startTime": .string(\.startTime),
        "progress": .string(\.progress),
        "ownerId": .string(\.ownerId),
        "volumeSize": .int(\.volumeSize),
        "description": .string(\.description),
        "tagSet": .list(\.tagSet),
        "availabilityZone": .optional(\.availabilityZone),
    ]

    /// EC2's state and progress for a CloudStack `state`: `Allocated`, `Creating`, `CreatedOnPrimary`,
    /// `BackingUp` and `Copying` are `pending` (progress by how far along that path it is),
    /// `BackedUp` is `completed`, `Error` is `error`; `nil` for `Destroying`/`Destroyed` (being deleted:
    /// EC2 stops listing a snapshot at once).
    static func state(of cloudStackState: String?) -> (state: String, progress: String)? {
        switch cloudStackState {
        case "BackedUp": ("completed", "100%")
        case "Error": ("error", "0%")
        case "Destroying", "Destroyed": nil
        case "Creating": ("pending", "25%")
        case "CreatedOnPrimary": ("pending", "50%")
        case "BackingUp", "Copying": ("pending", "75%")
        default: ("pending", "0%")
        }
    }

    /// The view of a snapshot; `nil` without a usable id or while it is being deleted.
    init?(_ snapshot: Snapshot, zoneName: String? = nil) {
        guard let id = snapshot.id.flatMap({ EC2ID(kind: .snapshot, cloudStackUUID: $0) }),
            let (state, progress) = Self.state(of: snapshot.state)
        else { return nil }
        snapshotId = id.description
        volumeId = snapshot.volumeid.flatMap { EC2ID(kind: .volume, cloudStackUUID: $0)?.description } ?? ""
        self.state = state
        self.progress = progress
        startTime = CloudStackTime.ec2(snapshot.created)
        ownerId = snapshot.account ?? ""
        let bytes = max(0, snapshot.virtualsize ?? snapshot.physicalsize ?? 0)
        volumeSize = Int(max(1, (bytes / (1 << 30)) + (bytes % (1 << 30) == 0 ? 0 : 1)))
        // CloudStack snapshots have a name and no description: the name is the description.
        var description = snapshot.name ?? ""
        if snapshot.tags.contains(where: { $0.key == InternalTags.imageName }) {
            description += " for " + ImageSource.imageID(ofSnapshot: id).description
        }
        self.description = description
        tagSet = TagMapping.views(snapshot.tags)
        availabilityZone = zoneName
    }
}
