/// A security group and its ingress and egress rules.
struct SecurityGroup: Sendable {
    var id: String
    var name: String
    var description: String
    var accountID: String
    var ingress: [SecurityGroupRule] = []
    var egress: [SecurityGroupRule] = []
}
