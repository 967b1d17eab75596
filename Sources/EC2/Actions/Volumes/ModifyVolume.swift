import CloudStack

/// `ModifyVolume` [resizeVolume for `Size`, changeOfferingForVolume for a `VolumeType` on another
/// disk offering]: grows a volume or moves it to another type; shrinking is refused as EC2 does.
/// Answers `modifying` at once; DescribeVolumesModifications follows the CloudStack job.
enum ModifyVolume: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let volumeId: String
        let size: Int?
        let volumeType: String?
        let iops: Int?
        let throughput: Int?
        let multiAttachEnabled: Bool?
        enum CodingKeys: String, CodingKey {
            case volumeId = "VolumeId"
            case size = "Size"
            case volumeType = "VolumeType"
            case iops = "Iops"
            case throughput = "Throughput"
            case multiAttachEnabled = "MultiAttachEnabled"
        }
    }

    /// The result.
    struct Output: TemplateModel {
        let volumeModification: VolumeModificationView
        static let templateFields: TemplateFields<Self> = ["volumeModification": .object(\.volumeModification)]
    }

    static let name = "ModifyVolume"

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        if input.multiAttachEnabled == true { throw VolumeRefusal.member("MultiAttachEnabled", "a CloudStack volume attaches to one VM") }
        let id = try EC2ID.parse(input.volumeId, as: .volume)
        if let size = input.size, !VolumeOffering.sizeRange.contains(size) {
            throw EC2Error.invalidParameterValue("Volume size \(size) GiB is outside 1-16384 GiB.")
        }
        let (volume, view) = try await VolumeLookup.view(id, in: context)
        if let job = context.memory.volumeJobs.value(for: id.cloudStackUUID), job.kind == .modify, volume.jobid == job.jobID {
            throw EC2Error(code: "IncorrectModificationState", message: "Volume \(id.description) is already being modified.")
        }
        if volume.state == "Resizing" {
            throw EC2Error(code: "IncorrectModificationState", message: "Volume \(id.description) is already being modified.")
        }
        var targetSize = input.size ?? view.size
        if targetSize < view.size { throw EC2Error.invalidParameterValue("New size cannot be smaller than existing size") }
        let targetType = input.volumeType ?? view.volumeType
        guard targetSize != view.size || targetType != view.volumeType || input.iops != nil || input.throughput != nil else {
            throw EC2Error.invalidParameterValue("Volume \(id.description) already has the requested size and type.")
        }
        let offerings = try await VolumeLookup.diskOfferings(in: context)
        let types = VolumeLookup.types(context)
        var parameters: Parameters = ["id": id.cloudStackUUID]
        var changesOffering = false
        if input.volumeType != nil || input.iops != nil || input.throughput != nil {
            let offering = try types.offering(for: targetType, in: offerings)
            for (name, value) in try VolumeOffering.iops(input.iops, on: offering, type: targetType, member: "Iops").pairs {
                parameters[name] = value
            }
            try VolumeOffering.throughput(input.throughput, on: offering, type: targetType, member: "Throughput")
            if offering.id != volume.diskofferingid {
                changesOffering = true
                parameters["diskofferingid"] = offering.id
                if let fixed = VolumeOffering.fixedSize(offering) {
                    if fixed < view.size { throw EC2Error.invalidParameterValue("New size cannot be smaller than existing size") }
                    if input.size != nil && fixed != targetSize {
                        throw EC2Error.invalidParameterValue(
                            "Volumes of type '\(targetType)' are \(fixed) GiB here (a fixed-size disk offering); got Size \(targetSize).")
                    }
                    targetSize = fixed
                } else {
                    parameters["size"] = String(targetSize)
                }
            } else if targetSize != view.size {
                parameters["size"] = String(targetSize)
            }
        } else {
            parameters["size"] = String(targetSize)
        }
        if !changesOffering, parameters["size"] != nil, !view.isRoot,
            let current = offerings.first(where: { $0.id == volume.diskofferingid }), VolumeOffering.fixedSize(current) != nil
        {
            throw EC2Error.invalidParameterValue(
                "Volume \(id.description) is on a fixed-size disk offering: give a VolumeType on a resizable offering to change its size.")
        }
        let now = CloudStackTime.format(context.clock.epochSeconds)
        var record = VolumeJob(
            kind: .modify, jobID: "", originalSize: view.size, originalType: view.volumeType, targetSize: targetSize,
            targetType: targetType, startTime: now)
        if parameters.count > 1 || changesOffering {
            let command = changesOffering ? CommandTable.changeOfferingForVolume : CommandTable.resizeVolume
            let receipt = try await context.submit(command, parameters)
            record = VolumeJob(
                kind: .modify, jobID: receipt.jobid, originalSize: view.size, originalType: view.volumeType, targetSize: targetSize,
                targetType: targetType, startTime: now)
            context.memory.volumeJobs.store(record, for: id.cloudStackUUID, ttl: context.memory.volumeJobTTL)
        }
        context.memory.volumeModifications.store(record, for: id.cloudStackUUID, ttl: context.memory.volumeJobTTL)
        if targetType != view.volumeType { await remember(type: targetType, on: volume, in: context) }
        return Output(volumeModification: VolumeModifications.view(record, volumeID: id.description, volume: nil))
    }

    /// Keeps the requested type on the volume (types that share a disk offering are otherwise indistinguishable).
    static func remember(type: String, on volume: Volume, in context: ActionContext) async {
        guard let uuid = volume.id else { return }
        if let old = volume.tags.first(where: { $0.key == InternalTags.volumeType }) {
            var parameters: Parameters = ["resourcetype": "Volume", "resourceids": uuid]
            parameters.setTags([(InternalTags.volumeType, old.value ?? "")])
            _ = try? await context.submit(CommandTable.deleteTags, parameters)
        }
        try? await context.createTags([(InternalTags.volumeType, type)], on: [uuid], resourceType: "Volume")
    }
}
