import CloudStack

/// `AttachVolume` [attachVolume with `deviceid`]: the EC2 device name is mapped to CloudStack's
/// device id (`DeviceName`), so the name comes back the same from DescribeVolumes and
/// DescribeInstances. Answers `attaching` at once.
enum AttachVolume: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let volumeId: String
        let instanceId: String
        let device: String
        let ebsCardIndex: Int?
        enum CodingKeys: String, CodingKey {
            case volumeId = "VolumeId"
            case instanceId = "InstanceId"
            case device = "Device"
            case ebsCardIndex = "EbsCardIndex"
        }
    }

    typealias Output = VolumeAttachmentView
    static let name = "AttachVolume"

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        if input.ebsCardIndex != nil { throw VolumeRefusal.member("EbsCardIndex", "CloudStack VMs have no EBS cards") }
        let volumeID = try EC2ID.parse(input.volumeId, as: .volume)
        let instanceID = try EC2ID.parse(input.instanceId, as: .instance)
        let deviceID = try DeviceName.deviceID(input.device)
        async let volumeRow = VolumeLookup.require(volumeID, in: context)
        async let vmRows = InstanceLookup.require([instanceID], in: context)
        async let attachedRows = context.list(CommandTable.listVolumes, ["virtualmachineid": instanceID.cloudStackUUID])
        let volume = try await volumeRow
        guard let vm = try await vmRows.first?.vm else { throw EC2Error.notFound(.instance, ids: [instanceID.description]) }
        if volume.virtualmachineid != nil || pendingAttach(volume, in: context) != nil {
            throw EC2Error(code: "VolumeInUse", message: "\(volumeID.description) is already attached to an instance")
        }
        guard vm.state == "Running" || vm.state == "Stopped" else {
            throw EC2Error(
                code: "IncorrectInstanceState", message: "Instance '\(instanceID.description)' is not 'running' or 'stopped'.")
        }
        if let zone = volume.zoneid, let vmZone = vm.zoneid, zone != vmZone {
            throw EC2Error(
                code: "InvalidVolume.ZoneMismatch",
                message: "The volume '\(volumeID.description)' is not in the same availability zone as instance '\(instanceID.description)'"
            )
        }
        // Only attachments CloudStack shows: a second attach to a device whose first attach job is
        // still running fails in CloudStack's job (`deviceId … is used by vm`), and stays `available`.
        let attached = try await attachedRows
        if attached.contains(where: { $0.deviceid == deviceID }) {
            throw EC2Error.invalidParameterValue("Attachment point \(XMLSafeName.clip(input.device)) is already in use")
        }
        context.memory.volumesChanged(by: context.accessKeyID)
        let receipt = try await context.submit(
            CommandTable.attachVolume,
            ["id": volumeID.cloudStackUUID, "virtualmachineid": instanceID.cloudStackUUID, "deviceid": String(deviceID)])
        let now = CloudStackTime.format(context.clock.epochSeconds)
        let canonical = DeviceName.name(deviceID: deviceID)
        context.memory.volumeJobs.store(
            VolumeJob(kind: .attach, jobID: receipt.jobid, instanceID: instanceID.description, device: canonical, startTime: now),
            for: volumeID.cloudStackUUID, ttl: context.memory.volumeJobTTL)
        return VolumeAttachmentView(
            volumeId: volumeID.description, instanceId: instanceID.description, device: input.device, status: "attaching",
            attachTime: now, deleteOnTermination: VolumeMapping.deletesOnTermination(volume))
    }

    /// The attach job this gateway started on `volume`, while it is still the volume's pending job.
    static func pendingAttach(_ volume: Volume, in context: ActionContext) -> VolumeJob? {
        guard let id = volume.id, let job = context.memory.volumeJobs.value(for: id), job.kind == .attach,
            volume.jobid == job.jobID, (volume.jobstatus ?? 0) == 0
        else { return nil }
        return job
    }

}
