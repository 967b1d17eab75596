/// A volume job this gateway submitted and CloudStack may still be running: what the volume's
/// pending `jobid` means, which CloudStack's listVolumes does not say.
///
/// An attach job leaves the volume unattached until it ends, so without this DescribeVolumes could
/// not show EC2's `attaching`; a resize leaves no record of the size it started from, which
/// DescribeVolumesModifications reports.
struct VolumeJob: Sendable {
    /// What the job does.
    enum Kind: Sendable { case create, attach, detach, modify }
    let kind: Kind
    /// The CloudStack job id (the volume's `jobid` while it runs).
    let jobID: String
    /// Attach and detach: the EC2 instance id and device.
    var instanceID = ""
    var device = ""
    /// Modify: before and after.
    var originalSize = 0
    var originalType = ""
    var targetSize = 0
    var targetType = ""
    /// EC2 time the job was submitted.
    var startTime = ""
}
