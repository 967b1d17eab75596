/// botocore shape `VolumeAttachment`: in DescribeVolumes' `attachmentSet` and the Attach/DetachVolume answers.
struct VolumeAttachmentView: TemplateModel {
    var volumeId: String
    var instanceId: String
    var device: String
    /// `VolumeAttachmentState`: attaching, attached, detaching, detached.
    var status: String
    var attachTime: String
    var deleteOnTermination: Bool

    static let templateFields: TemplateFields<Self> = [
        "volumeId": .string(\.volumeId),
        "instanceId": .string(\.instanceId),
        "device": .string(\.device),
        "status": .string(\.status),
        "attachTime": .string(\.attachTime),
        "deleteOnTermination": .bool(\.deleteOnTermination),
    ]
}
