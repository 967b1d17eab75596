/// A public IP address acquired by an account, optionally static-NATed to a VM.
struct PublicIPAddress: Sendable {
    var id: String
    var address: String
    var accountID: String
    var zoneID: String
    var networkID: String?
    var vpcID: String?
    var isSourceNat: Bool
    var staticNatVMID: String?
    /// `Allocating` while the job runs, then `Allocated`.
    var state: String
    var allocated: Int64
    var pendingJobID: String?
}
