/// An availability zone: Basic (security groups, one shared network) or Advanced.
struct Zone: Sendable {
    var id: String
    var name: String
    /// `Basic` or `Advanced`.
    var networkType: String
    var securityGroupsEnabled: Bool
    var description: String
    /// The zone's default guest network (the shared SG network in Basic zones).
    var defaultNetworkID: String = ""
    /// Third octet pool for public addresses in this zone.
    var publicPrefix: String
}
