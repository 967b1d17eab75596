// Generated from listApis.json (CloudStack 4.18) by the field list in docs/cloudstack-client.md; wire names verbatim.
/// A compute offering (`serviceoffering`), an EC2 instance type or GCE machine type.
public struct ServiceOffering: CloudStackDecodable, Equatable {
    /// `cacheMode`: the cache mode to use for this disk offering. none, writeback or writethrough
    public var cacheMode: String?
    /// `cpunumber`: the number of CPU
    public var cpunumber: Int64?
    /// `cpuspeed`: the clock rate CPU speed in Mhz
    public var cpuspeed: Int64?
    /// `created`: the date this service offering was created
    public var created: String?
    /// `defaultuse`: is this a default system vm offering
    public var defaultuse: Bool?
    /// `deploymentplanner`: deployment strategy used to deploy VM.
    public var deploymentplanner: String?
    /// `diskBytesReadRate`: bytes read rate of the service offering
    public var diskBytesReadRate: Int64?
    /// `diskBytesReadRateMax`: burst bytes read rate of the disk offering
    public var diskBytesReadRateMax: Int64?
    /// `diskBytesReadRateMaxLength`: length (in seconds) of the burst
    public var diskBytesReadRateMaxLength: Int64?
    /// `diskBytesWriteRate`: bytes write rate of the service offering
    public var diskBytesWriteRate: Int64?
    /// `diskBytesWriteRateMax`: burst bytes write rate of the disk offering
    public var diskBytesWriteRateMax: Int64?
    /// `diskBytesWriteRateMaxLength`: length (in seconds) of the burst
    public var diskBytesWriteRateMaxLength: Int64?
    /// `diskIopsReadRate`: io requests read rate of the service offering
    public var diskIopsReadRate: Int64?
    /// `diskIopsReadRateMax`: burst io requests read rate of the disk offering
    public var diskIopsReadRateMax: Int64?
    /// `diskIopsReadRateMaxLength`: length (in second) of the burst
    public var diskIopsReadRateMaxLength: Int64?
    /// `diskIopsWriteRate`: io requests write rate of the service offering
    public var diskIopsWriteRate: Int64?
    /// `diskIopsWriteRateMax`: burst io requests write rate of the disk offering
    public var diskIopsWriteRateMax: Int64?
    /// `diskIopsWriteRateMaxLength`: length (in seconds) of the burst
    public var diskIopsWriteRateMaxLength: Int64?
    /// `diskofferingdisplaytext`: the display text of the disk offering
    public var diskofferingdisplaytext: String?
    /// `diskofferingid`: the ID of the disk offering to which service offering is linked
    public var diskofferingid: String?
    /// `diskofferingname`: name of the disk offering
    public var diskofferingname: String?
    /// `diskofferingstrictness`: True/False to indicate the strictness of the disk offering association with the compute offering. When set to true, override of disk offering is not allowed when VM is deployed and change disk offering is not allowed for the ROOT disk after the VM is deployed
    public var diskofferingstrictness: Bool?
    /// `displaytext`: an alternate display text of the service offering.
    public var displaytext: String?
    /// `domain`: the domain name(s) this disk offering belongs to. Ignore this information as it is not currently applicable.
    public var domain: String?
    /// `domainid`: the domain ID(s) this disk offering belongs to. Ignore this information as it is not currently applicable.
    public var domainid: String?
    /// `dynamicscalingenabled`: true if virtual machine needs to be dynamically scalable of cpu or memory
    public var dynamicscalingenabled: Bool?
    /// `encryptroot`: true if virtual machine root disk will be encrypted on storage
    public var encryptroot: Bool?
    /// `hasannotations`: true if the entity/resource has annotations
    public var hasannotations: Bool?
    /// `hosttags`: the host tag for the service offering
    public var hosttags: String?
    /// `hypervisorsnapshotreserve`: Hypervisor snapshot reserve space as a percent of a volume (for managed storage using Xen or VMware)
    public var hypervisorsnapshotreserve: Int64?
    /// `id`: the id of the service offering
    public var id: String?
    /// `iscustomized`: is true if the offering is customized
    public var iscustomized: Bool?
    /// `iscustomizediops`: true if disk offering uses custom iops, false otherwise
    public var iscustomizediops: Bool?
    /// `issystem`: is this a system vm offering
    public var issystem: Bool?
    /// `isvolatile`: true if the vm needs to be volatile, i.e., on every reboot of vm from API root disk is discarded and creates a new root disk
    public var isvolatile: Bool?
    /// `jobid`: the UUID of the latest async job acting on this object
    public var jobid: String?
    /// `jobstatus`: the current status of the latest async job acting on this object
    public var jobstatus: Int64?
    /// `limitcpuuse`: restrict the CPU usage to committed service offering
    public var limitcpuuse: Bool?
    /// `maxiops`: the max iops of the disk offering
    public var maxiops: Int64?
    /// `memory`: the memory in MB
    public var memory: Int64?
    /// `miniops`: the min iops of the disk offering
    public var miniops: Int64?
    /// `name`: the name of the service offering
    public var name: String?
    /// `networkrate`: data transfer rate in megabits per second allowed.
    public var networkrate: Int64?
    /// `offerha`: the ha support in the service offering
    public var offerha: Bool?
    /// `provisioningtype`: provisioning type used to create volumes. Valid values are thin, sparse, fat.
    public var provisioningtype: String?
    /// `rootdisksize`: Root disk size in GB
    public var rootdisksize: Int64?
    /// `serviceofferingdetails`: additional key/value details tied with this service offering
    public var serviceofferingdetails: [String: String] = [:]
    /// `storagetags`: the tags for the service offering
    public var storagetags: String?
    /// `storagetype`: the storage type for this service offering
    public var storagetype: String?
    /// `systemvmtype`: is this a the systemvm type for system vm offering
    public var systemvmtype: String?
    /// `vspherestoragepolicy`: the vsphere storage policy tagged to the service offering in case of VMware
    public var vspherestoragepolicy: String?
    /// `zone`: the zone name(s) this disk offering belongs to. Ignore this information as it is not currently applicable.
    public var zone: String?
    /// `zoneid`: the zone ID(s) this disk offering belongs to. Ignore this information as it is not currently applicable.
    public var zoneid: String?

    /// Creates a value with every field absent.
    public init() {}
}
