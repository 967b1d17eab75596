import CloudStack
import Pipeline

/// `compute.snapshots.list` [listSnapshots page by page; listVolumes ids=… for the boot volumes a page's snapshots
/// are of, for `sourceDisk`].
enum SnapshotsList: GCEMethod {
    static let id = "compute.snapshots.list"
    static let httpMethod = HTTPMethod.get
    static let path = "projects/{project}/global/snapshots"

    static func decode(_ request: MethodRequest) throws(GCEError) -> ListInput { try ListInput(request) }

    static func call(_ input: ListInput, in context: MethodCall) async throws -> ResourceList<Snapshot> {
        if input.options.followsCloudStackOrder {
            // A page costs the CloudStack pages it needs (issue 16): snapshots are named from their own row.
            let (items, next) = try await context.walk(
                CommandTable.listSnapshots, Parameters(), id: \.id, options: input.options, kind: "compute#snapshotList",
                collection: "global/snapshots"
            ) { (rows: ArraySlice<CloudStack.Snapshot>) async throws(GCEError) -> [Snapshot?] in
                try await context.snapshotViews(rows.map { Named(name: $0.gceName, row: $0) })
            }
            return ResourceList(
                kind: "compute#snapshotList", id: "projects/\(context.project)/global/snapshots", items: items,
                nextPageToken: next, selfLink: context.links.collection("global/snapshots"))
        }
        let snapshots = try await context.snapshotViews(context.snapshots())
        return try context.list(
            snapshots, options: input.options, kind: "compute#snapshotList", collection: "global/snapshots", name: \.name,
            created: \.creationTimestamp)
    }
}
