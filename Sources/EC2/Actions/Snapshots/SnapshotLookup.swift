import CloudStack

/// Reads CloudStack snapshots for the snapshot actions.
enum SnapshotLookup {
    /// The caller's snapshots, narrowed by `parameters` (`id`, `tags[0]`, ...).
    static func snapshots(_ parameters: Parameters = Parameters(), in context: ActionContext, errorContext: ErrorContext = .none)
        async throws(EC2Error) -> [Snapshot]
    {
        try await context.list(CommandTable.listSnapshots, parameters, context: errorContext)
    }

    /// The one snapshot an id names, or `InvalidSnapshot.NotFound` (also for one being deleted).
    static func require(_ snapshotID: String, in context: ActionContext) async throws(EC2Error) -> (id: EC2ID, snapshot: Snapshot) {
        let id = try EC2ID.parse(snapshotID, as: .snapshot)
        let found = try await snapshots(["id": id.cloudStackUUID], in: context, errorContext: .ids(.snapshot, [snapshotID])).first
        guard let found, SnapshotView.state(of: found.state) != nil, !isDeleted(id.description, in: context) else {
            throw EC2Error.notFound(.snapshot, ids: [snapshotID])
        }
        return (id, found)
    }

    /// Whether this gateway deleted the snapshot within `GatewayMemory.deletedTTL`.
    static func isDeleted(_ snapshotID: String, in context: ActionContext) -> Bool {
        context.memory.deletedSnapshots.value(for: context.accessKeyID + "/" + snapshotID) != nil
    }

    /// The volume a `VolumeId` names, or `InvalidVolume.NotFound`.
    static func volume(_ volumeID: String, in context: ActionContext) async throws(EC2Error) -> (id: EC2ID, volume: Volume) {
        let id = try EC2ID.parse(volumeID, as: .volume)
        let found = try await context.list(CommandTable.listVolumes, ["id": id.cloudStackUUID], context: .ids(.volume, [volumeID]))
        guard let volume = found.first, volume.state != "Destroy", volume.state != "Expunged" else {
            throw EC2Error.notFound(.volume, ids: [volumeID])
        }
        return (id, volume)
    }

    /// Refuses volumes CloudStack cannot snapshot: only a `Ready` volume has storage to copy.
    static func checkSnapshottable(_ volume: Volume, _ volumeID: String) throws(EC2Error) {
        guard volume.state == "Ready" else {
            throw EC2Error(
                code: "IncorrectState",
                message:
                    "The volume '\(volumeID)' is '\(volume.state ?? "unknown")' in CloudStack; only a volume that has been attached once (Ready) can be snapshotted."
            )
        }
    }

    /// The description CloudStack keeps as the snapshot's `name` (it has no description field).
    static func checkDescription(_ description: String?) throws(EC2Error) {
        guard let description else { return }
        guard description.count <= 255 else {
            throw EC2Error.invalidParameterValue("The description must be at most 255 characters long.")
        }
    }
}
