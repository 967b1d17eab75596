import Pipeline

/// `compute.snapshots.list` [listSnapshots, listVolumes per zone for `sourceDisk`].
enum SnapshotsList: GCEMethod {
    static let id = "compute.snapshots.list"
    static let httpMethod = HTTPMethod.get
    static let path = "projects/{project}/global/snapshots"

    static func decode(_ request: MethodRequest) throws(GCEError) -> ListInput { try ListInput(request) }

    static func call(_ input: ListInput, in context: MethodCall) async throws -> ResourceList<Snapshot> {
        let snapshots = try await context.snapshotViews(context.snapshots())
        return try context.list(
            snapshots, options: input.options, kind: "compute#snapshotList", collection: "global/snapshots", name: \.name,
            created: \.creationTimestamp)
    }
}
