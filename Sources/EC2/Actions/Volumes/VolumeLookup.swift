import CloudStack

/// Reads volumes from CloudStack for the volume actions: by id (with EC2's NotFound) or all, and
/// turns them into views with the caller's volume types and the jobs this gateway submitted.
enum VolumeLookup {
    /// Parses `VolumeId.N`; a malformed id is `InvalidVolumeID.Malformed`.
    static func parse(_ ids: [String]?) throws(EC2Error) -> [EC2ID] {
        var parsed: [EC2ID] = []
        for id in ids ?? [] { parsed.append(try EC2ID.parse(id, as: .volume)) }
        return parsed
    }

    /// The volumes with these ids (all of the caller's when `ids` is nil or empty), paging through everything.
    static func volumes(_ ids: [EC2ID]?, extra: Parameters = Parameters(), in context: ActionContext) async throws(EC2Error) -> [Volume] {
        var parameters = extra
        if let ids, !ids.isEmpty {
            if ids.count == 1 { parameters["id"] = ids[0].cloudStackUUID } else { parameters.setList("ids", ids.map(\.cloudStackUUID)) }
        }
        let errorContext: ErrorContext = ids.map { .ids(.volume, $0.map(\.description)) } ?? .none
        return try await context.list(CommandTable.listVolumes, parameters, context: errorContext)
    }

    /// Exactly the volume named, not deleted, or `InvalidVolume.NotFound`.
    static func require(_ id: EC2ID, in context: ActionContext) async throws(EC2Error) -> Volume {
        let found = try await volumes([id], in: context).first { $0.id == id.cloudStackUUID }
        guard let found, !VolumeMapping.deletedStates.contains(found.state ?? "") else {
            throw EC2Error.notFound(.volume, ids: [id.description])
        }
        return found
    }

    /// The caller's disk offerings, from the shared catalog (`ActionContext.diskOfferings`).
    static func diskOfferings(in context: ActionContext) async throws(EC2Error) -> [DiskOffering] {
        try await context.diskOfferings()
    }

    /// The configured volume types.
    static func types(_ context: ActionContext) -> VolumeTypes { VolumeTypes(configured: context.configuration.volumeTypes) }

    /// Views of `volumes` (deleted ones included; callers decide whether to show them).
    static func views(_ volumes: [Volume], in context: ActionContext) async throws(EC2Error) -> [VolumeView] {
        try await alignedViews(volumes[...], in: context).compactMap { $0 }
    }

    /// One view per volume, in order, nil for a volume with no EC2 view (for `CloudStackPager`, which needs
    /// an item per row).
    static func alignedViews(_ volumes: ArraySlice<Volume>, in context: ActionContext) async throws(EC2Error) -> [VolumeView?] {
        let customized = Set(try await diskOfferings(in: context).filter { $0.iscustomized == true }.compactMap(\.id))
        let types = types(context)
        return volumes.map { volume in
            var volume = volume
            // Tags of a createTags job still running (a TagSpecification) show at once, as on EC2.
            volume.tags = context.withPendingTags(volume.tags, on: volume.id)
            return VolumeMapping.view(
                volume, types: types, customized: customized, job: volume.id.flatMap { context.memory.volumeJobs.value(for: $0) })
        }
    }

    /// The view of one volume, or `InvalidVolume.NotFound`.
    static func view(_ id: EC2ID, in context: ActionContext) async throws(EC2Error) -> (volume: Volume, view: VolumeView) {
        let volume = try await require(id, in: context)
        guard let view = try await views([volume], in: context).first else { throw EC2Error.notFound(.volume, ids: [id.description]) }
        return (volume, view)
    }
}
