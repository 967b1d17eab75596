import Pipeline

/// `compute.snapshots.insert` [createSnapshot volumeid name tags]: `sourceDisk` is required (CloudStack snapshots
/// only volumes); the operation is global, its target the new snapshot.
enum SnapshotsInsert: GCEMethod {
    static let id = "compute.snapshots.insert"
    static let httpMethod = HTTPMethod.post
    static let path = "projects/{project}/global/snapshots"

    /// The `Snapshot` body and the disk it names.
    struct Input: Sendable {
        let body: SnapshotBody
        let disk: DiskReference
    }

    static func decode(_ request: MethodRequest) throws(GCEError) -> Input {
        let body = try SnapshotBody(request)
        guard let disk = body.sourceDisk else { throw GCEError.required("resource.sourceDisk") }
        return Input(body: body, disk: disk)
    }

    static func call(_ input: Input, in context: MethodCall) async throws -> Operation {
        let (_, volume) = try await context.snapshotSourceDisk(input.disk)
        let created = try await context.createSnapshot(of: volume, input.body)
        return context.started(.snapshotInsert, job: created.job, target: created.id, scope: .global, targetName: input.body.name)
    }
}
