/// botocore shape `VolumeModification`: one ModifyVolume, derived from the volume and its job.
struct VolumeModificationView: TemplateModel {
    var volumeId: String
    /// `VolumeModificationState`: modifying, optimizing, completed, failed.
    var modificationState: String
    var statusMessage: String?
    var targetSize: Int
    var targetVolumeType: String
    var originalSize: Int
    var originalVolumeType: String
    var progress: Int
    var startTime: String
    var endTime: String?

    static let templateFields: TemplateFields<Self> = [
        "volumeId": .string(\.volumeId),
        "modificationState": .string(\.modificationState),
        "statusMessage": .optional(\.statusMessage),
        "targetSize": .int(\.targetSize),
        "targetVolumeType": .string(\.targetVolumeType),
        "originalSize": .int(\.originalSize),
        "originalVolumeType": .string(\.originalVolumeType),
        "progress": .int(\.progress),
        "startTime": .string(\.startTime),
        "endTime": .optional(\.endTime),
    ]
}
