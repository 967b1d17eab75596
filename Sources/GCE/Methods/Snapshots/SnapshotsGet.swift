import Pipeline

/// `compute.snapshots.get` [listSnapshots].
enum SnapshotsGet: GCEMethod {
    static let id = "compute.snapshots.get"
    static let httpMethod = HTTPMethod.get
    static let path = "projects/{project}/global/snapshots/{snapshot}"

    static func decode(_ request: MethodRequest) throws(GCEError) -> NamedInput { try NamedInput(request, "snapshot") }

    static func call(_ input: NamedInput, in context: MethodCall) async throws -> Snapshot {
        let snapshot = try await context.snapshot(input.name)
        guard let view = try await context.snapshotViews([snapshot]).first else {
            throw GCEError.notFound("projects/\(context.project)/global/snapshots/\(input.name)")
        }
        return view
    }
}
