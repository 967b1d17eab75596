import CloudStack

/// `CreateVolume` [createVolume]: a data volume of a disk offering chosen by `VolumeType`
/// (`VolumeTypes`), with `Size` for custom-size offerings, or restored from `SnapshotId`.
/// Answers `creating` at once; `ClientToken` makes it idempotent (memory, then a volume tag).
enum CreateVolume: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        /// `Operator`: only its presence matters (CloudStack has no managed volumes).
        struct Operator: Decodable, Sendable {
            let principal: String?
            enum CodingKeys: String, CodingKey { case principal = "Principal" }
        }
        let availabilityZone: String?
        let availabilityZoneId: String?
        let size: Int?
        let snapshotId: String?
        let volumeType: String?
        let iops: Int?
        let throughput: Int?
        let encrypted: Bool?
        let kmsKeyId: String?
        let outpostArn: String?
        let multiAttachEnabled: Bool?
        let volumeInitializationRate: Int?
        let `operator`: Operator?
        let tagSpecifications: [TagSpecification]?
        let clientToken: String?
        enum CodingKeys: String, CodingKey {
            case availabilityZone = "AvailabilityZone"
            case availabilityZoneId = "AvailabilityZoneId"
            case size = "Size"
            case snapshotId = "SnapshotId"
            case volumeType = "VolumeType"
            case iops = "Iops"
            case throughput = "Throughput"
            case encrypted = "Encrypted"
            case kmsKeyId = "KmsKeyId"
            case outpostArn = "OutpostArn"
            case multiAttachEnabled = "MultiAttachEnabled"
            case volumeInitializationRate = "VolumeInitializationRate"
            case `operator` = "Operator"
            case tagSpecifications = "TagSpecification"
            case clientToken = "ClientToken"
        }

        /// Members CloudStack cannot honour, refused by name.
        func refuseUnsupported() throws(EC2Error) {
            if encrypted == true { throw VolumeRefusal.member("Encrypted", "CloudStack volumes are not encrypted through this API") }
            if kmsKeyId != nil { throw VolumeRefusal.member("KmsKeyId", "CloudStack has no key management service") }
            if outpostArn != nil { throw VolumeRefusal.member("OutpostArn", "CloudStack has no Outposts") }
            if multiAttachEnabled == true { throw VolumeRefusal.member("MultiAttachEnabled", "a CloudStack volume attaches to one VM") }
            if volumeInitializationRate != nil {
                throw VolumeRefusal.member("VolumeInitializationRate", "CloudStack restores snapshots at its own rate")
            }
            if `operator` != nil { throw VolumeRefusal.member("Operator", "CloudStack has no managed volumes") }
        }
    }

    typealias Output = VolumeView
    static let name = "CreateVolume"

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        try input.refuseUnsupported()
        let tags = try TagSpecification.tags(input.tagSpecifications, for: "volume", allowed: ["volume"])
        let token = input.clientToken.flatMap { $0.isEmpty ? nil : $0 }
        if let token {
            guard token.utf8.count <= 64 else { throw EC2Error.invalidParameterValue("ClientToken must be at most 64 characters.") }
            if let earlier = try await previous(token, in: context) { return earlier }
        }
        let zone = try await zone(input, in: context)
        let offerings = try await VolumeLookup.diskOfferings(in: context)
        let types = VolumeLookup.types(context)
        var parameters: Parameters = ["zoneid": zone]
        var type = input.volumeType ?? VolumeTypes.default
        if let snapshotId = input.snapshotId {
            type = try await restore(snapshotId, input: input, types: types, offerings: offerings, into: &parameters, in: context)
        } else {
            let offering = try types.offering(for: type, in: offerings)
            parameters["diskofferingid"] = offering.id
            parameters["size"] = try size(input.size, offering: offering, type: type)
            for (name, value) in try VolumeOffering.iops(input.iops, on: offering, type: type, member: "Iops").pairs {
                parameters[name] = value
            }
            try VolumeOffering.throughput(input.throughput, on: offering, type: type, member: "Throughput")
        }
        let receipt = try await context.submit(CommandTable.createVolume, parameters)
        guard let uuid = receipt.id, let id = EC2ID(kind: .volume, cloudStackUUID: uuid) else { throw EC2Error.internalError() }
        let now = CloudStackTime.format(context.clock.epochSeconds)
        context.memory.volumeJobs.store(
            VolumeJob(kind: .create, jobID: receipt.jobid, startTime: now), for: uuid, ttl: context.memory.volumeJobTTL)
        var own: [(key: String, value: String)] = []
        if let token {
            own.append((InternalTags.clientToken, token))
            context.memory.volumeTokens.store(uuid, for: context.accessKeyID + "/" + token, ttl: context.memory.clientTokenTTL)
        }
        if input.volumeType != nil || input.snapshotId == nil { own.append((InternalTags.volumeType, type)) }
        // The volume exists now: a failure to tag it must not make the client create it again.
        try? await context.createTags(tags + own, on: [uuid], resourceType: "Volume")
        var (_, view) = try await VolumeLookup.view(id, in: context)
        view.tagSet = tags.map { TagView(key: $0.key, value: $0.value) }
        view.volumeType = type
        return view
    }

    /// The zone id for `AvailabilityZone` (a zone name) or `AvailabilityZoneId` (its id), which EC2 requires.
    static func zone(_ input: Input, in context: ActionContext) async throws(EC2Error) -> String {
        let zones = try await context.zones()
        if let name = input.availabilityZone, !name.isEmpty {
            guard let zone = zones.first(where: { $0.name == name }), let id = zone.id else {
                throw EC2Error.invalidParameterValue("Invalid availability zone: [\(XMLSafeName.clip(name))]")
            }
            if let other = input.availabilityZoneId, other != id {
                throw EC2Error.invalidParameterCombination("AvailabilityZone and AvailabilityZoneId name different zones.")
            }
            return id
        }
        if let wanted = input.availabilityZoneId, !wanted.isEmpty {
            guard let id = zones.first(where: { $0.id == wanted })?.id else {
                throw EC2Error.invalidParameterValue("Invalid availability zone ID: [\(XMLSafeName.clip(wanted))]")
            }
            return id
        }
        throw EC2Error.missingParameter("AvailabilityZone")
    }

    /// The `size` parameter: required for a custom-size offering, for a fixed one absent or equal to its size.
    static func size(_ size: Int?, offering: DiskOffering, type: String) throws(EC2Error) -> String? {
        if let size, !VolumeOffering.sizeRange.contains(size) {
            throw EC2Error.invalidParameterValue("Volume size \(size) GiB is outside 1-16384 GiB.")
        }
        guard let fixed = VolumeOffering.fixedSize(offering) else {
            guard let size else { throw EC2Error.missingParameter("Size") }
            return String(size)
        }
        if let size, size != fixed {
            throw EC2Error.invalidParameterValue(
                "Volumes of type '\(type)' are \(fixed) GiB here (a fixed-size disk offering); got Size \(size).")
        }
        return nil
    }

    /// Sets `snapshotid` and returns the type the volume will have: CloudStack restores a snapshot
    /// at its size on its volume's disk offering, so `Size`, `VolumeType`, `Iops` and `Throughput`
    /// must agree with that or are refused.
    static func restore(
        _ snapshotId: String, input: Input, types: VolumeTypes, offerings: [DiskOffering], into parameters: inout Parameters,
        in context: ActionContext
    ) async throws(EC2Error) -> String {
        let id = try EC2ID.parse(snapshotId, as: .snapshot)
        let snapshots = try await context.list(
            CommandTable.listSnapshots, ["id": id.cloudStackUUID], context: .ids(.snapshot, [id.description]))
        guard let snapshot = snapshots.first(where: { $0.id == id.cloudStackUUID }) else {
            throw EC2Error.notFound(.snapshot, ids: [id.description])
        }
        guard snapshot.state == "BackedUp" else {
            throw EC2Error(code: "IncorrectState", message: "Snapshot '\(id.description)' is not completed yet.")
        }
        let gib = VolumeMapping.gibibytes(snapshot.virtualsize ?? snapshot.physicalsize ?? 0)
        if let size = input.size, size < gib {
            throw EC2Error.invalidParameterValue(
                "Volume of size \(size) is smaller than snapshot '\(id.description)', expect size >= \(gib)")
        }
        if let size = input.size, size > gib {
            throw EC2Error.unsupportedOperation(
                "Size \(size) cannot be provided with SnapshotId: CloudStack restores a snapshot at its size (\(gib) GiB); ModifyVolume it afterwards."
            )
        }
        if input.iops != nil { throw VolumeRefusal.member("Iops", "a snapshot is restored on its volume's disk offering") }
        if input.throughput != nil { throw VolumeRefusal.member("Throughput", "a snapshot is restored on its volume's disk offering") }
        parameters["snapshotid"] = id.cloudStackUUID
        let source = try await context.list(CommandTable.listVolumes, ["id": snapshot.volumeid ?? ""]).first
        let customized = Set(offerings.filter { $0.iscustomized == true }.compactMap(\.id))
        let offeringID = source?.diskofferingid
        let sourceType = types.type(
            offeringID: offeringID, offeringName: source?.diskofferingname, customized: offeringID.map(customized.contains),
            remembered: source?.tags.first { $0.key == InternalTags.volumeType }?.value)
        guard let wanted = input.volumeType else { return sourceType }
        guard types.maps(wanted, toID: offeringID, name: source?.diskofferingname, customized: offeringID.map(customized.contains)) else {
            throw EC2Error.invalidParameterCombination(
                "VolumeType '\(XMLSafeName.clip(wanted))' differs from the type of snapshot \(id.description)'s volume (\(sourceType)): CloudStack restores a snapshot on its volume's disk offering."
            )
        }
        return wanted
    }

    /// The volume an earlier call with the same token created: from memory, else from the tag.
    static func previous(_ token: String, in context: ActionContext) async throws(EC2Error) -> VolumeView? {
        var found: Volume?
        if let uuid = context.memory.volumeTokens.value(for: context.accessKeyID + "/" + token) {
            found = try await context.list(CommandTable.listVolumes, ["id": uuid]).first
        }
        if found == nil {
            var parameters = Parameters()
            parameters.setTags([(InternalTags.clientToken, token)])
            found = try await context.list(CommandTable.listVolumes, parameters).first
        }
        guard let found else { return nil }
        return try await VolumeLookup.views([found], in: context).first
    }
}
