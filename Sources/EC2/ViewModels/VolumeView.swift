/// botocore shape `Volume`, as the `Volume` partial writes it.
struct VolumeView: TemplateModel {
    var volumeId: String
    /// GiB, rounded up.
    var size: Int
    /// Empty when the volume was not created from a snapshot (as EC2 answers).
    var snapshotId: String
    var availabilityZone: String
    /// `VolumeState`: creating, available, in-use, deleting, deleted, error.
    var status: String
    var createTime: String
    var attachmentSet: [VolumeAttachmentView]
    var tagSet: [TagView]
    var volumeType: String
    // Not rendered: what filters, status and modifications need.
    var cloudStackState: String
    var diskOfferingID: String?
    var isRoot: Bool

    static let templateFields: TemplateFields<Self> = [
        "volumeId": .string(\.volumeId),
        "size": .int(\.size),
        "snapshotId": .string(\.snapshotId),
        "availabilityZone": .string(\.availabilityZone),
        "status": .string(\.status),
        "createTime": .string(\.createTime),
        "attachmentSet": .list(\.attachmentSet),
        "tagSet": .list(\.tagSet),
        "volumeType": .string(\.volumeType),
    ]
}
