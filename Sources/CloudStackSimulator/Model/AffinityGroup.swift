/// An affinity group: a named set of an account's VMs placed on one host or on different hosts.
struct AffinityGroup: Sendable {
    var id: String
    var name: String
    var description: String?
    /// `host affinity` or `host anti-affinity` (listAffinityGroupTypes).
    var type: String
    var accountID: String
    var virtualMachineIDs: [String] = []
}
