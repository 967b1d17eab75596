/// An account: owns resources; `type` 1 is a root admin, 0 a normal user.
struct Account: Sendable {
    var id: String
    var name: String
    var domainID: String
    /// `accounttype`: 0 user, 1 root admin.
    var type: Int
    var created: Int64
    /// Internal database id, seen in `instancename`.
    var number: Int
    var networkDomain = "cs.internal"

    var isRootAdmin: Bool { type == 1 }
    var roleName: String { isRootAdmin ? "Root Admin" : "User" }
    var roleType: String { isRootAdmin ? "Admin" : "User" }
}
