import CloudStack
import Pipeline

/// `compute.snapshots.delete` [deleteSnapshot]: CloudStack deletes only a BackedUp or failed snapshot (400 otherwise).
enum SnapshotsDelete: GCEMethod {
    static let id = "compute.snapshots.delete"
    static let httpMethod = HTTPMethod.delete
    static let path = "projects/{project}/global/snapshots/{snapshot}"

    static func decode(_ request: MethodRequest) throws(GCEError) -> NamedInput { try NamedInput(request, "snapshot") }

    static func call(_ input: NamedInput, in context: MethodCall) async throws -> Operation {
        let snapshot = try await context.snapshot(input.name)
        let receipt = try await context.call(CommandTable.deleteSnapshot, ["id": snapshot.row.id ?? ""])
        return context.started(
            .snapshotDelete, job: receipt.jobid, target: snapshot.row.id ?? "", scope: .global, targetName: snapshot.name)
    }
}
