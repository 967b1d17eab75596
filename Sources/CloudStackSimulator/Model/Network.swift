/// A guest network: the Basic zone's shared network, or an isolated network (optionally in a VPC).
struct Network: Sendable {
    var id: String
    var name: String
    var displayText: String
    /// nil for a shared network owned by the system.
    var accountID: String?
    var zoneID: String
    /// `Shared` or `Isolated`.
    var type: String
    var cidr: String
    var gateway: String
    var netmask: String
    var state: String
    var networkOfferingID: String
    var vpcID: String?
    /// The tier's ACL list (VPC tiers only).
    var aclID: String? = nil
    var created: Int64
    /// Next host number handed to a NIC.
    var nextHost: Int = 10
}
