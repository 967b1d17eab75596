// Generated from listApis.json (CloudStack 4.18) by the field list in docs/cloudstack-client.md; wire names verbatim.
/// A virtual machine (`virtualmachine` in listVirtualMachines and VM job results).
public struct VirtualMachine: CloudStackDecodable, Equatable {
    /// `account`: the account associated with the virtual machine
    public var account: String?
    /// `affinitygroup`: list of affinity groups associated with the virtual machine
    public var affinitygroup: [AffinityGroup] = []
    /// `cpunumber`: the number of vCPUs this virtual machine is using
    public var cpunumber: Int64?
    /// `cpuspeed`: the speed of each vCPU
    public var cpuspeed: Int64?
    /// `created`: the date when this virtual machine was created
    public var created: String?
    /// `details`: Vm details in key/value pairs.
    public var details: [String: String] = [:]
    /// `diskofferingname`: the name of the disk offering of the virtual machine
    public var diskofferingname: String?
    /// `displayname`: user generated name. The name of the virtual machine is returned if no displayname exists.
    public var displayname: String?
    /// `domain`: the name of the domain in which the virtual machine exists
    public var domain: String?
    /// `domainid`: the ID of the domain in which the virtual machine exists
    public var domainid: String?
    /// `group`: the group name of the virtual machine
    public var group: String?
    /// `groupid`: the group ID of the virtual machine
    public var groupid: String?
    /// `guestosid`: Os type ID of the virtual machine
    public var guestosid: String?
    /// `hostname`: the name of the host for the virtual machine
    public var hostname: String?
    /// `hypervisor`: the hypervisor on which the template runs
    public var hypervisor: String?
    /// `id`: the ID of the virtual machine
    public var id: String?
    /// `jobid`: the UUID of the latest async job acting on this object
    public var jobid: String?
    /// `jobstatus`: the current status of the latest async job acting on this object
    public var jobstatus: Int64?
    /// `keypairs`: ssh key-pairs
    public var keypairs: String?
    /// `memory`: the memory allocated for the virtual machine
    public var memory: Int64?
    /// `name`: the name of the virtual machine
    public var name: String?
    /// `nic`: the list of nics associated with vm
    public var nic: [Nic] = []
    /// `ostypeid`: OS type id of the vm
    public var ostypeid: String?
    /// `passwordenabled`: true if the password rest feature is enabled, false otherwise
    public var passwordenabled: Bool?
    /// `project`: the project name of the vm
    public var project: String?
    /// `publicip`: public IP address id associated with vm via Static nat rule
    public var publicip: String?
    /// `securitygroup`: list of security groups associated with the virtual machine
    public var securitygroup: [SecurityGroup] = []
    /// `serviceofferingid`: the ID of the service offering of the virtual machine
    public var serviceofferingid: String?
    /// `serviceofferingname`: the name of the service offering of the virtual machine
    public var serviceofferingname: String?
    /// `state`: the state of the virtual machine
    public var state: String?
    /// `tags`: the list of resource tags associated
    public var tags: [Tag] = []
    /// `templateid`: the ID of the template for the virtual machine. A -1 is returned if the virtual machine was created from an ISO file.
    public var templateid: String?
    /// `templatename`: the name of the template for the virtual machine
    public var templatename: String?
    /// `userdata`: Base64 string containing the user data
    public var userdata: String?
    /// `username`: the user's name who deployed the virtual machine
    public var username: String?
    /// `zoneid`: the ID of the availablility zone for the virtual machine
    public var zoneid: String?
    /// `zonename`: the name of the availability zone for the virtual machine
    public var zonename: String?

    /// Creates a value with every field absent.
    public init() {}
}
