/// A ROOT or DATADISK volume.
struct Volume: Sendable {
    var id: String
    var name: String
    var accountID: String
    var zoneID: String
    /// `ROOT` or `DATADISK`.
    var type: String
    var size: Int64
    /// `Allocated`, `Ready`, `Resizing`, `Destroy` (CloudStack's names).
    var state: String
    var diskOfferingID: String?
    var templateID: String?
    /// The snapshot the volume was created from (`snapshotid`).
    var snapshotID: String? = nil
    var virtualMachineID: String?
    var deviceID: Int?
    var attached: Int64?
    var created: Int64
    var pendingJobID: String?
}
