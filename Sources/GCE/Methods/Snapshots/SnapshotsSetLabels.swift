import Pipeline

/// `compute.snapshots.setLabels` [deleteTags, createTags resourcetype=Snapshot].
enum SnapshotsSetLabels: GCEMethod {
    static let id = "compute.snapshots.setLabels"
    static let httpMethod = HTTPMethod.post
    static let path = "projects/{project}/global/snapshots/{resource}/setLabels"

    static func decode(_ request: MethodRequest) throws(GCEError) -> GlobalSetLabelsInput { try GlobalSetLabelsInput(request) }

    static func call(_ input: GlobalSetLabelsInput, in context: MethodCall) async throws -> Operation {
        let snapshot = try await context.snapshot(input.name)
        return try await context.setLabels(
            input.labels, fingerprint: input.labelFingerprint, currentTags: snapshot.row.tags, on: snapshot.row.id ?? "",
            type: "Snapshot", kind: .snapshotSetLabels, scope: .global, targetName: snapshot.name)
    }
}
