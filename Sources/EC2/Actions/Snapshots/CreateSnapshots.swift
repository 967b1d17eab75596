import CloudStack

/// `CreateSnapshots` [listVirtualMachines, listVolumes, createSnapshot per volume, createTags]: one
/// `pending` snapshot of every volume of an instance, the root first.
///
/// `ExcludeBootVolume` leaves the root out, `ExcludeDataVolumeId.N` the data volumes named;
/// `CopyTagsFromSource=volume` copies each volume's tags to its snapshot. `OutpostArn` and
/// `Location` are refused naming them.
enum CreateSnapshots: EC2Action {
    /// `InstanceSpecification`.
    struct InstanceSpecification: Decodable, Sendable {
        let instanceId: String?
        let excludeBootVolume: Bool?
        let excludeDataVolumeIds: [String]?
        enum CodingKeys: String, CodingKey {
            case instanceId = "InstanceId"
            case excludeBootVolume = "ExcludeBootVolume"
            case excludeDataVolumeIds = "ExcludeDataVolumeId"
        }
    }

    /// Wire input.
    struct Input: Decodable, Sendable {
        let instanceSpecification: InstanceSpecification?
        let description: String?
        let tagSpecifications: [TagSpecification]?
        let copyTagsFromSource: String?
        let outpostArn: String?
        let location: String?
        enum CodingKeys: String, CodingKey {
            case instanceSpecification = "InstanceSpecification"
            case description = "Description"
            case tagSpecifications = "TagSpecification"
            case copyTagsFromSource = "CopyTagsFromSource"
            case outpostArn = "OutpostArn"
            case location = "Location"
        }
    }

    /// `CreateSnapshotsResult`.
    struct Output: TemplateModel {
        let snapshotSet: [SnapshotView]
        static let templateFields: TemplateFields<Self> = ["snapshotSet": .list(\.snapshotSet)]
    }

    static let name = "CreateSnapshots"

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        guard let instanceID = input.instanceSpecification?.instanceId, !instanceID.isEmpty else {
            throw EC2Error.missingParameter("InstanceSpecification.InstanceId")
        }
        if input.outpostArn != nil { throw EC2Error.unsupportedOperation("OutpostArn is not supported: CloudStack has no Outposts.") }
        if input.location != nil { throw EC2Error.unsupportedOperation("Location is not supported: CloudStack snapshots are regional.") }
        if let copy = input.copyTagsFromSource, copy != "volume" {
            throw EC2Error.invalidParameterValue(name: "CopyTagsFromSource", value: XMLSafeName.clip(copy), expected: "volume")
        }
        try SnapshotLookup.checkDescription(input.description)
        let tags = try TagSpecification.tags(input.tagSpecifications, for: "snapshot", allowed: ["snapshot"])
        let excluded = try (input.instanceSpecification?.excludeDataVolumeIds ?? []).map { id throws(EC2Error) in
            try EC2ID.parse(id, as: .volume).cloudStackUUID
        }
        let id = try EC2ID.parse(instanceID, as: .instance)
        _ = try await InstanceLookup.require([id], in: context)
        let attached = try await context.list(
            CommandTable.listVolumes, ["virtualmachineid": id.cloudStackUUID], context: .ids(.instance, [instanceID]))
        for uuid in excluded where !attached.contains(where: { $0.id == uuid }) {
            let named = EC2ID(kind: .volume, cloudStackUUID: uuid)?.description ?? uuid
            throw EC2Error.invalidParameterValue("The volume '\(named)' is not attached to the instance '\(instanceID)'.")
        }
        let chosen =
            attached
            .filter { volume in
                if volume.type == "ROOT" { return input.instanceSpecification?.excludeBootVolume != true }
                return !excluded.contains(volume.id ?? "")
            }
            .sorted { ($0.type == "ROOT" ? 0 : 1, $0.deviceid ?? 0) < ($1.type == "ROOT" ? 0 : 1, $1.deviceid ?? 0) }
        guard !chosen.isEmpty else {
            throw EC2Error.invalidParameterValue("The instance '\(instanceID)' has no volume left to snapshot.")
        }
        for volume in chosen {
            let named = volume.id.flatMap { EC2ID(kind: .volume, cloudStackUUID: $0)?.description } ?? ""
            try SnapshotLookup.checkSnapshottable(volume, named)
        }
        var views: [SnapshotView] = []
        for volume in chosen {
            let named = volume.id.flatMap { EC2ID(kind: .volume, cloudStackUUID: $0)?.description } ?? ""
            var own = tags
            if input.copyTagsFromSource == "volume" {
                for tag in volume.tags {
                    guard let key = tag.key, !InternalTags.isInternal(key), !own.contains(where: { $0.key == key }) else { continue }
                    own.append((key, tag.value ?? ""))
                }
            }
            views.append(try await CreateSnapshot.take(volume, description: input.description, tags: own, volumeID: named, in: context))
        }
        return Output(snapshotSet: views)
    }
}
