import Pipeline

/// `compute.snapshots.setLabels` [deleteTags, createTags resourcetype=Snapshot].
enum SnapshotsSetLabels: GCEMethod {
    static let id = "compute.snapshots.setLabels"
    static let httpMethod = HTTPMethod.post
    static let path = "projects/{project}/global/snapshots/{resource}/setLabels"

    static func decode(_ request: MethodRequest) throws(GCEError) -> GlobalSetLabelsInput { try GlobalSetLabelsInput(request) }

    static func call(_ input: GlobalSetLabelsInput, in context: MethodCall) async throws -> Operation {
        let snapshot = try await context.snapshot(input.name)
        let id = snapshot.row.id ?? ""
        let current = MetadataTags.labels(snapshot.row.tags)
        try context.checkFingerprint(input.labelFingerprint, current: Fingerprint.of(pairs: current), what: "label")
        let job = try await context.replaceTags(on: id, type: "Snapshot", oldKeys: current.map(\.key), newTags: input.labels)
        guard let job else { return context.done(.snapshotSetLabels, target: id, scope: .global, targetName: snapshot.name) }
        return context.started(.snapshotSetLabels, job: job, target: id, scope: .global, targetName: snapshot.name)
    }
}
