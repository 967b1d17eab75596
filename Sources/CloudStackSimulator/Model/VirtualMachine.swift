/// A user VM and the facts `listVirtualMachines` shows about it.
struct VirtualMachine: Sendable {
    var id: String
    /// Internal database id, seen in `instancename` `i-<accountnumber>-<id>-VM`.
    var number: UInt64
    var name: String
    var displayName: String
    var accountID: String
    var userID: String
    var zoneID: String
    var templateID: String
    var serviceOfferingID: String
    var cpuNumber: Int
    var cpuSpeed: Int
    var memory: Int
    /// `VirtualMachine.State`: Starting, Running, Stopping, Stopped, Destroyed, Expunging, Error.
    var state: String
    var created: Int64
    var hostID: String?
    var keyPairs: [String]
    var securityGroupIDs: [String]
    var userData: String?
    var password: String?
    var nics: [Nic]
    /// The instance group the VM is in (at most one).
    var groupID: String?
    /// The public IP static-NATed to this VM.
    var staticNatIPID: String?
    var haEnable = false
    /// `details`: for a custom offering, the sizes it was given (`cpuNumber`, `cpuSpeed`, `memory`), as CloudStack
    /// keeps them in `user_vm_details` and lists them.
    var details: [String: String] = [:]
    var displayVM = true
    /// The job running on this VM, shown as item `jobid`/`jobstatus` while it runs.
    var pendingJobID: String?
}
