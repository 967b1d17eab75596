/// An instance group: a named set of an account's VMs (`instance_group`; a VM is in at most one, `instance_group_vm_map`).
struct InstanceGroup: Sendable {
    var id: String
    var name: String
    var accountID: String
    var created: Int64
}
