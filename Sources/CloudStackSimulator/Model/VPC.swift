/// A VPC.
struct VPC: Sendable {
    var id: String
    var name: String
    var displayText: String
    var accountID: String
    var zoneID: String
    var cidr: String
    /// `Enabled` once created (`Inactive` while the job runs).
    var state: String
    var created: Int64
    var networkDomain: String?
    var pendingJobID: String?
}
