/// A manual volume snapshot.
struct Snapshot: Sendable {
    var id: String
    var name: String
    var accountID: String
    var volumeID: String
    var volumeName: String
    var volumeType: String
    var zoneID: String
    var size: Int64
    /// `Snapshot.State` names: `Allocated` (row created), `Creating` (job running), `BackingUp`
    /// (copying to secondary storage, after the job with `asyncbackup=true`), `BackedUp` (usable),
    /// `Destroying` (delete job running), `Error` (the job failed).
    var state: String
    var created: Int64
    var pendingJobID: String?
    /// The volume's OS type (`ostypeid`), from its template.
    var osTypeID: String?
}
