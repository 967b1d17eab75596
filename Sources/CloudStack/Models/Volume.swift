// Generated from listApis.json (CloudStack 4.18) by the field list in docs/cloudstack-client.md; wire names verbatim.
/// A volume (`volume` in listVolumes and volume job results).
public struct Volume: CloudStackDecodable, Equatable {
    /// `account`: the account associated with the disk volume
    public var account: String?
    /// `attached`: the date the volume was attached to a VM instance
    public var attached: String?
    /// `chaininfo`: the chain info of the volume
    public var chaininfo: String?
    /// `clusterid`: cluster id of the volume
    public var clusterid: String?
    /// `clustername`: cluster name where the volume is allocated
    public var clustername: String?
    /// `created`: the date the disk volume was created
    public var created: String?
    /// `destroyed`: the boolean state of whether the volume is destroyed or not
    public var destroyed: Bool?
    /// `deviceid`: the ID of the device on user vm the volume is attahed to. This tag is not returned when the volume is detached.
    public var deviceid: Int64?
    /// `diskBytesReadRate`: bytes read rate of the disk volume
    public var diskBytesReadRate: Int64?
    /// `diskBytesWriteRate`: bytes write rate of the disk volume
    public var diskBytesWriteRate: Int64?
    /// `diskIopsReadRate`: IO requests read rate of the disk volume per the disk offering
    public var diskIopsReadRate: Int64?
    /// `diskIopsWriteRate`: IO requests write rate of the disk volume per the disk offering
    public var diskIopsWriteRate: Int64?
    /// `diskioread`: the read (IO) of disk on the vm
    public var diskioread: Int64?
    /// `diskiowrite`: the write (IO) of disk on the vm
    public var diskiowrite: Int64?
    /// `diskkbsread`: the VM's disk read in KiB
    public var diskkbsread: Int64?
    /// `diskkbswrite`: the VM's disk write in KiB
    public var diskkbswrite: Int64?
    /// `diskofferingdisplaytext`: the display text of the disk offering
    public var diskofferingdisplaytext: String?
    /// `diskofferingid`: ID of the disk offering
    public var diskofferingid: String?
    /// `diskofferingname`: name of the disk offering
    public var diskofferingname: String?
    /// `displayvolume`: an optional field whether to the display the volume to the end user or not.
    public var displayvolume: Bool?
    /// `domain`: the domain associated with the disk volume
    public var domain: String?
    /// `domainid`: the ID of the domain associated with the disk volume
    public var domainid: String?
    /// `externaluuid`: volume uuid that is given by virtualisation provider (only for VMware)
    public var externaluuid: String?
    /// `hasannotations`: true if the entity/resource has annotations
    public var hasannotations: Bool?
    /// `hypervisor`: Hypervisor the volume belongs to
    public var hypervisor: String?
    /// `id`: ID of the disk volume
    public var id: String?
    /// `isextractable`: true if the volume is extractable, false otherwise
    public var isextractable: Bool?
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
    /// `maxiops`: max iops of the disk volume
    public var maxiops: Int64?
    /// `miniops`: min iops of the disk volume
    public var miniops: Int64?
    /// `name`: name of the disk volume
    public var name: String?
    /// `path`: the path of the volume
    public var path: String?
    /// `physicalsize`: the bytes allocated
    public var physicalsize: Int64?
    /// `podid`: pod id of the volume
    public var podid: String?
    /// `podname`: pod name of the volume
    public var podname: String?
    /// `project`: the project name of the vpn
    public var project: String?
    /// `projectid`: the project id of the vpn
    public var projectid: String?
    /// `provisioningtype`: provisioning type used to create volumes.
    public var provisioningtype: String?
    /// `quiescevm`: need quiesce vm or not when taking snapshot
    public var quiescevm: Bool?
    /// `serviceofferingdisplaytext`: the display text of the service offering for root disk
    public var serviceofferingdisplaytext: String?
    /// `serviceofferingid`: ID of the service offering for root disk
    public var serviceofferingid: String?
    /// `serviceofferingname`: name of the service offering for root disk
    public var serviceofferingname: String?
    /// `size`: size of the disk volume
    public var size: Int64?
    /// `snapshotid`: ID of the snapshot from which this volume was created
    public var snapshotid: String?
    /// `state`: the state of the disk volume
    public var state: String?
    /// `status`: the status of the volume
    public var status: String?
    /// `storage`: name of the primary storage hosting the disk volume
    public var storage: String?
    /// `storageid`: id of the primary storage hosting the disk volume; returned to admin user only
    public var storageid: String?
    /// `storagetype`: shared or local storage
    public var storagetype: String?
    /// `supportsstoragesnapshot`: true if storage snapshot is supported for the volume, false otherwise
    public var supportsstoragesnapshot: Bool?
    /// `tags`: the list of resource tags associated
    public var tags: [Tag] = []
    /// `templatedisplaytext`: an alternate display text of the template for the virtual machine
    public var templatedisplaytext: String?
    /// `templateid`: the ID of the template for the virtual machine. A -1 is returned if the virtual machine was created from an ISO file.
    public var templateid: String?
    /// `templatename`: the name of the template for the virtual machine
    public var templatename: String?
    /// `type`: type of the disk volume (ROOT or DATADISK)
    public var type: String?
    /// `utilization`: the disk utilization
    public var utilization: String?
    /// `virtualmachineid`: id of the virtual machine
    public var virtualmachineid: String?
    /// `virtualsize`: the bytes actually consumed on disk
    public var virtualsize: Int64?
    /// `vmdisplayname`: display name of the virtual machine
    public var vmdisplayname: String?
    /// `vmname`: name of the virtual machine
    public var vmname: String?
    /// `vmstate`: state of the virtual machine
    public var vmstate: String?
    /// `vmtype`: type of the virtual machine
    public var vmtype: String?
    /// `zoneid`: ID of the availability zone
    public var zoneid: String?
    /// `zonename`: name of the availability zone
    public var zonename: String?

    /// Creates a value with every field absent.
    public init() {}
}
