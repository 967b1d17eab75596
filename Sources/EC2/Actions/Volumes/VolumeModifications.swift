import CloudStack

/// A volume modification's EC2 state, derived from what this gateway submitted and the volume now.
///
/// CloudStack keeps no modification history and finishes a resize in one job, so: the job still
/// pending is `modifying` (progress 0), the volume at its target size and type afterwards is
/// `completed` (100), anything else `failed`. EC2's `optimizing` phase has no CloudStack
/// counterpart and is never reported.
enum VolumeModifications {
    /// The view of `record`; `volume` is the volume's view now (nil right after submitting).
    static func view(_ record: VolumeJob, volumeID: String, volume: (row: Volume, view: VolumeView)?) -> VolumeModificationView {
        var view = VolumeModificationView(
            volumeId: volumeID, modificationState: "modifying", statusMessage: nil, targetSize: record.targetSize,
            targetVolumeType: record.targetType, originalSize: record.originalSize, originalVolumeType: record.originalType, progress: 0,
            startTime: record.startTime, endTime: nil)
        if record.jobID.isEmpty {
            // A new type on the same disk offering: nothing for CloudStack to do.
            view.modificationState = "completed"
            view.progress = 100
            return view
        }
        guard let volume else { return view }
        let pending = volume.row.jobid == record.jobID && (volume.row.jobstatus ?? 0) == 0
        if pending { return view }
        if volume.view.size == record.targetSize && volume.view.volumeType == record.targetType {
            view.modificationState = "completed"
            view.progress = 100
        } else {
            view.modificationState = "failed"
            view.statusMessage = "CloudStack did not complete the change; the volume keeps its size and type."
        }
        return view
    }
}
