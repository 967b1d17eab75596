/// A network ACL list: a VPC's own, or one of CloudStack's two built-in lists (`default_allow`,
/// `default_deny`), which belong to no VPC (their `vpc_id` is 0) and cannot be changed.
struct NetworkACLList: Sendable {
    var id: String
    var name: String
    var description: String
    /// nil for the built-in lists.
    var vpcID: String?
}
