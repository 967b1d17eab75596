// Generated from listApis.json (CloudStack 4.18) by the field list in docs/cloudstack-client.md; wire names verbatim.
/// A virtual machine (`virtualmachine` in listVirtualMachines and VM job results).
public struct VirtualMachine: CloudStackDecodable, Equatable {
    /// `account`: the account associated with the virtual machine
    public var account: String?
    /// `affinitygroup`: list of affinity groups associated with the virtual machine
    public var affinitygroup: [AffinityGroup] = []
    /// `autoscalevmgroupid`: ID of AutoScale VM group
    public var autoscalevmgroupid: String?
    /// `autoscalevmgroupname`: Name of AutoScale VM group
    public var autoscalevmgroupname: String?
    /// `backupofferingid`: the ID of the backup offering of the virtual machine
    public var backupofferingid: String?
    /// `backupofferingname`: the name of the backup offering of the virtual machine
    public var backupofferingname: String?
    /// `bootmode`: Guest vm Boot Mode
    public var bootmode: String?
    /// `boottype`: Guest vm Boot Type
    public var boottype: String?
    /// `cpunumber`: the number of vCPUs this virtual machine is using
    public var cpunumber: Int64?
    /// `cpuspeed`: the speed of each vCPU
    public var cpuspeed: Int64?
    /// `cpuused`: the amount of the vm's CPU currently used
    public var cpuused: String?
    /// `created`: the date when this virtual machine was created
    public var created: String?
    /// `details`: Vm details in key/value pairs.
    public var details: [String: String] = [:]
    /// `diskioread`: the read (IO) of disk on the VM
    public var diskioread: Int64?
    /// `diskiowrite`: the write (IO) of disk on the VM
    public var diskiowrite: Int64?
    /// `diskkbsread`: the VM's disk read in KiB
    public var diskkbsread: Int64?
    /// `diskkbswrite`: the VM's disk write in KiB
    public var diskkbswrite: Int64?
    /// `diskofferingid`: the ID of the disk offering of the virtual machine
    public var diskofferingid: String?
    /// `diskofferingname`: the name of the disk offering of the virtual machine
    public var diskofferingname: String?
    /// `displayname`: user generated name. The name of the virtual machine is returned if no displayname exists.
    public var displayname: String?
    /// `displayvm`: an optional field whether to the display the vm to the end user or not.
    public var displayvm: Bool?
    /// `domain`: the name of the domain in which the virtual machine exists
    public var domain: String?
    /// `domainid`: the ID of the domain in which the virtual machine exists
    public var domainid: String?
    /// `forvirtualnetwork`: the virtual network for the service offering
    public var forvirtualnetwork: Bool?
    /// `group`: the group name of the virtual machine
    public var group: String?
    /// `groupid`: the group ID of the virtual machine
    public var groupid: String?
    /// `guestosid`: Os type ID of the virtual machine
    public var guestosid: String?
    /// `haenable`: true if high-availability is enabled, false otherwise
    public var haenable: Bool?
    /// `hasannotations`: true if the entity/resource has annotations
    public var hasannotations: Bool?
    /// `hostcontrolstate`: the control state of the host for the virtual machine
    public var hostcontrolstate: String?
    /// `hostid`: the ID of the host for the virtual machine
    public var hostid: String?
    /// `hostname`: the name of the host for the virtual machine
    public var hostname: String?
    /// `hypervisor`: the hypervisor on which the template runs
    public var hypervisor: String?
    /// `id`: the ID of the virtual machine
    public var id: String?
    /// `instancename`: instance name of the user vm; this parameter is returned to the ROOT admin only
    public var instancename: String?
    /// `isdynamicallyscalable`: true if vm contains XS/VMWare tools inorder to support dynamic scaling of VM cpu/memory.
    public var isdynamicallyscalable: Bool?
    /// `isodisplaytext`: an alternate display text of the ISO attached to the virtual machine
    public var isodisplaytext: String?
    /// `isoid`: the ID of the ISO attached to the virtual machine
    public var isoid: String?
    /// `isoname`: the name of the ISO attached to the virtual machine
    public var isoname: String?
    /// `jobid`: the UUID of the latest async job acting on this object
    public var jobid: String?
    /// `jobstatus`: the current status of the latest async job acting on this object
    public var jobstatus: Int64?
    /// `keypairs`: ssh key-pairs
    public var keypairs: String?
    /// `lastupdated`: the date when this virtual machine was updated last time
    public var lastupdated: String?
    /// `memory`: the memory allocated for the virtual machine
    public var memory: Int64?
    /// `memoryintfreekbs`: the internal memory (KiB) that's free in VM or zero if it can not be calculated
    public var memoryintfreekbs: Int64?
    /// `memorykbs`: the memory used by the VM in KiB
    public var memorykbs: Int64?
    /// `memorytargetkbs`: the target memory in VM (KiB)
    public var memorytargetkbs: Int64?
    /// `name`: the name of the virtual machine
    public var name: String?
    /// `networkkbsread`: the incoming network traffic on the VM in KiB
    public var networkkbsread: Int64?
    /// `networkkbswrite`: the outgoing network traffic on the host in KiB
    public var networkkbswrite: Int64?
    /// `nic`: the list of nics associated with vm
    public var nic: [Nic] = []
    /// `osdisplayname`: OS name of the vm
    public var osdisplayname: String?
    /// `ostypeid`: OS type id of the vm
    public var ostypeid: String?
    /// `password`: the password (if exists) of the virtual machine
    public var password: String?
    /// `passwordenabled`: true if the password rest feature is enabled, false otherwise
    public var passwordenabled: Bool?
    /// `pooltype`: the pool type of the virtual machine
    public var pooltype: String?
    /// `project`: the project name of the vm
    public var project: String?
    /// `projectid`: the project id of the vm
    public var projectid: String?
    /// `publicip`: public IP address id associated with vm via Static nat rule
    public var publicip: String?
    /// `publicipid`: public IP address id associated with vm via Static nat rule
    public var publicipid: String?
    /// `readonlydetails`: List of read-only Vm details as comma separated string.
    public var readonlydetails: String?
    /// `receivedbytes`: the total number of network traffic bytes received
    public var receivedbytes: Int64?
    /// `rootdeviceid`: device ID of the root volume
    public var rootdeviceid: Int64?
    /// `rootdevicetype`: device type of the root volume
    public var rootdevicetype: String?
    /// `securitygroup`: list of security groups associated with the virtual machine
    public var securitygroup: [SecurityGroup] = []
    /// `sentbytes`: the total number of network traffic bytes sent
    public var sentbytes: Int64?
    /// `serviceofferingid`: the ID of the service offering of the virtual machine
    public var serviceofferingid: String?
    /// `serviceofferingname`: the name of the service offering of the virtual machine
    public var serviceofferingname: String?
    /// `servicestate`: State of the Service from LB rule
    public var servicestate: String?
    /// `state`: the state of the virtual machine
    public var state: String?
    /// `tags`: the list of resource tags associated
    public var tags: [Tag] = []
    /// `templatedisplaytext`: an alternate display text of the template for the virtual machine
    public var templatedisplaytext: String?
    /// `templateid`: the ID of the template for the virtual machine. A -1 is returned if the virtual machine was created from an ISO file.
    public var templateid: String?
    /// `templatename`: the name of the template for the virtual machine
    public var templatename: String?
    /// `userdata`: Base64 string containing the user data
    public var userdata: String?
    /// `userdatadetails`: list of variables and values for the variables declared in userdata
    public var userdatadetails: String?
    /// `userdataid`: the id of userdata used for the VM
    public var userdataid: String?
    /// `userdataname`: the name of userdata used for the VM
    public var userdataname: String?
    /// `userdatapolicy`: the userdata override policy with the userdata provided while deploying VM
    public var userdatapolicy: String?
    /// `userid`: the user's ID who deployed the virtual machine
    public var userid: String?
    /// `username`: the user's name who deployed the virtual machine
    public var username: String?
    /// `vgpu`: the vGPU type used by the virtual machine
    public var vgpu: String?
    /// `zoneid`: the ID of the availablility zone for the virtual machine
    public var zoneid: String?
    /// `zonename`: the name of the availability zone for the virtual machine
    public var zonename: String?

    /// Creates a value with every field absent.
    public init() {}
}
