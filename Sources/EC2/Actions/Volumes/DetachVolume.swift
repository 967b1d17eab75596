import CloudStack

/// `DetachVolume` [detachVolume by id]: `VolumeId`, optionally checked against `InstanceId` and
/// `Device`. CloudStack has no forced detach: `Force` is accepted and the detach is the same.
/// Answers `detaching` at once.
enum DetachVolume: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let volumeId: String
        let instanceId: String?
        let device: String?
        let force: Bool?
        enum CodingKeys: String, CodingKey {
            case volumeId = "VolumeId"
            case instanceId = "InstanceId"
            case device = "Device"
            case force = "Force"
        }
    }

    typealias Output = VolumeAttachmentView
    static let name = "DetachVolume"

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let volumeID = try EC2ID.parse(input.volumeId, as: .volume)
        let instance = try input.instanceId.map { try EC2ID.parse($0, as: .instance) }
        let (volume, view) = try await VolumeLookup.view(volumeID, in: context)
        guard let attachment = view.attachmentSet.first, volume.virtualmachineid != nil else {
            throw EC2Error(code: "IncorrectState", message: "Volume '\(volumeID.description)' is in the '\(view.status)' state.")
        }
        if attachment.status == "detaching" {
            throw EC2Error(code: "IncorrectState", message: "Volume '\(volumeID.description)' is already being detached.")
        }
        let wrongInstance = instance.map { $0.description != attachment.instanceId } ?? false
        let wrongDevice = try input.device.map { try DeviceName.deviceID($0) != DeviceName.deviceID(attachment.device) } ?? false
        if wrongInstance || wrongDevice {
            let target = instance?.description ?? attachment.instanceId
            throw EC2Error(
                code: "InvalidAttachment.NotFound",
                message: "The volume '\(volumeID.description)' is not attached to instance '\(target)'"
                    + (input.device.map { " as device '\(XMLSafeName.clip($0))'" } ?? ""))
        }
        // CloudStack detaches a ROOT volume only from a stopped VM (validateRootVolumeDetachAttach).
        if volume.type == "ROOT", volume.vmstate != "Stopped" {
            throw EC2Error(
                code: "IncorrectState",
                message: "Unable to detach root volume '\(volumeID.description)' from instance '\(attachment.instanceId)': stop it first.")
        }
        context.memory.volumesChanged(by: context.accessKeyID)
        let receipt = try await context.submit(CommandTable.detachVolume, ["id": volumeID.cloudStackUUID])
        context.memory.volumeJobs.store(
            VolumeJob(
                kind: .detach, jobID: receipt.jobid, instanceID: attachment.instanceId, device: attachment.device,
                startTime: CloudStackTime.format(context.clock.epochSeconds)),
            for: volumeID.cloudStackUUID, ttl: context.memory.volumeJobTTL)
        var answer = attachment
        answer.status = "detaching"
        return answer
    }
}
