import CloudStack

/// Builds EC2 volume views from CloudStack volumes.
enum VolumeMapping {
    /// CloudStack states of a volume being or already deleted: EC2's `deleted`.
    static let deletedStates: Set<String> = ["Destroy", "Expunging", "Expunged"]
    /// CloudStack states before a volume's storage exists (uploads, copies): EC2's `creating`.
    static let creatingStates: Set<String> = ["Creating", "NotUploaded", "UploadOp", "UploadInProgress", "Uploaded", "Copying"]
    /// Failed uploads: EC2's `error`.
    static let errorStates: Set<String> = ["UploadError", "UploadAbandoned"]

    /// The view of `volume`; `nil` for a row without a usable id.
    ///
    /// - `customized`: ids of the custom-size disk offerings (they decide default volume types).
    /// - `job`: a job this gateway submitted on the volume; it counts only while it is the volume's
    ///   pending job, so a finished or failed job leaves the volume as CloudStack reports it.
    static func view(_ volume: Volume, types: VolumeTypes, customized: Set<String>, job: VolumeJob?) -> VolumeView? {
        guard let uuid = volume.id, let id = EC2ID(kind: .volume, cloudStackUUID: uuid) else { return nil }
        let pending = job.flatMap { job in volume.jobid == job.jobID && (volume.jobstatus ?? 0) == 0 ? job : nil }
        let isRoot = volume.type == "ROOT"
        var attachments: [VolumeAttachmentView] = []
        if let vm = volume.virtualmachineid, let instance = EC2ID(kind: .instance, cloudStackUUID: vm) {
            attachments.append(
                VolumeAttachmentView(
                    volumeId: id.description, instanceId: instance.description,
                    device: volume.deviceid.map(DeviceName.name(deviceID:)) ?? (isRoot ? RootDevice.name : ""),
                    status: pending?.kind == .detach ? "detaching" : "attached",
                    attachTime: CloudStackTime.ec2(volume.attached ?? volume.created),
                    deleteOnTermination: deletesOnTermination(volume)))
        } else if let pending, pending.kind == .attach {
            attachments.append(
                VolumeAttachmentView(
                    volumeId: id.description, instanceId: pending.instanceID, device: pending.device, status: "attaching",
                    attachTime: pending.startTime, deleteOnTermination: deletesOnTermination(volume)))
        }
        let state = volume.state ?? ""
        let status: String
        if deletedStates.contains(state) {
            status = "deleted"
        } else if creatingStates.contains(state) || pending?.kind == .create {
            status = "creating"
        } else if errorStates.contains(state) {
            status = "error"
        } else {
            status = attachments.isEmpty ? "available" : "in-use"
        }
        let tags = TagMapping.views(volume.tags)
        let offering = volume.diskofferingid
        return VolumeView(
            volumeId: id.description,
            size: gibibytes(volume.size ?? 0),
            snapshotId: volume.snapshotid.flatMap { EC2ID(kind: .snapshot, cloudStackUUID: $0)?.description } ?? "",
            availabilityZone: volume.zonename ?? "",
            status: status,
            createTime: CloudStackTime.ec2(volume.created),
            attachmentSet: attachments,
            tagSet: tags,
            volumeType: types.type(
                offeringID: offering, offeringName: volume.diskofferingname, customized: offering.map(customized.contains),
                remembered: volume.tags.first { $0.key == InternalTags.volumeType }?.value),
            cloudStackState: state,
            diskOfferingID: offering,
            isRoot: isRoot)
    }

    /// EC2's `DeleteOnTermination`: always for a root volume (CloudStack destroys it with its VM),
    /// for a data volume only when the gateway tagged it so.
    static func deletesOnTermination(_ volume: Volume) -> Bool {
        volume.type == "ROOT" || volume.tags.contains { $0.key == InternalTags.deleteOnTermination && $0.value == "true" }
    }

    /// Bytes as whole GiB, rounded up (EC2 sizes are whole GiB; CloudStack reports bytes).
    static func gibibytes(_ bytes: Int64) -> Int {
        guard bytes > 0 else { return 0 }
        let gib: Int64 = 1 << 30
        return Int(bytes / gib + (bytes % gib == 0 ? 0 : 1))
    }

    /// The block device entry of an attached volume for DescribeInstances.
    static func blockDevice(_ volume: Volume) -> InstanceBlockDeviceMappingView? {
        guard let volumeID = volume.id.flatMap({ EC2ID(kind: .volume, cloudStackUUID: $0) }) else { return nil }
        let name = volume.type == "ROOT" ? RootDevice.name : volume.deviceid.map(DeviceName.name(deviceID:)) ?? ""
        return InstanceBlockDeviceMappingView(
            deviceName: name,
            ebs: EbsInstanceBlockDeviceView(
                volumeId: volumeID.description, status: "attached", attachTime: CloudStackTime.ec2(volume.attached ?? volume.created),
                deleteOnTermination: deletesOnTermination(volume)))
    }
}
