/// A ROOT or DATADISK volume.
struct Volume: Sendable {
    var id: String
    var name: String
    var accountID: String
    var zoneID: String
    /// `ROOT` or `DATADISK`.
    var type: String
    var size: Int64
    /// `Allocated`, `Ready`, `Destroy` (CloudStack's names).
    var state: String
    var diskOfferingID: String?
    var templateID: String?
    var virtualMachineID: String?
    var deviceID: Int?
    var attached: Int64?
    var created: Int64
    var pendingJobID: String?
}
