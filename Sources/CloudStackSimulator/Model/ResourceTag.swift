/// A `key=value` tag on one resource.
struct ResourceTag: Sendable {
    var key: String
    var value: String
    var resourceID: String
    /// `UserVm`, `Volume`, `Snapshot`, `Template`, `SecurityGroup`, `Network`, `Vpc`, `PublicIpAddress`,
    /// `SecurityGroupRule`, `NetworkACL` (an ACL item), `Zone`.
    var resourceType: String
    var accountID: String
    var customer: String?
}
