/// botocore shape `VolumeStatusItem`: CloudStack has no I/O checks or events, so the status follows
/// the volume's state (`ok` while usable) and the event and action lists are empty.
struct VolumeStatusItemView: TemplateModel {
    var volumeId: String
    var availabilityZone: String
    /// `VolumeStatusInfoStatus`: ok, impaired, insufficient-data.
    var status: String
    /// The `io-enabled` check: `passed`, `failed` or `insufficient-data`.
    var ioEnabled: String
    /// Instances the volume is attached to (`attachmentStatuses`).
    var instanceIds: [String]

    static let templateFields: TemplateFields<Self> = [
        "volumeId": .string(\.volumeId),
        "availabilityZone": .string(\.availabilityZone),
        "status": .string(\.status),
        "ioEnabled": .string(\.ioEnabled),
        "attachmentStatuses": .list { $0.instanceIds.map(InstanceIdView.init) },
    ]
}

/// One `VolumeStatusAttachmentStatus`: the instance id (CloudStack reports no I/O performance).
struct InstanceIdView: TemplateModel {
    let instanceId: String
    static let templateFields: TemplateFields<Self> = ["instanceId": .string(\.instanceId)]
}
