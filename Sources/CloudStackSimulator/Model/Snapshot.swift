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
    /// `Allocated` while the job runs, then `BackedUp`.
    var state: String
    var created: Int64
    var pendingJobID: String?
}
