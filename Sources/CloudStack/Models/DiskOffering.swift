// Generated from listApis.json (CloudStack 4.18) by the field list in docs/cloudstack-client.md; wire names verbatim.
/// A disk offering (`diskoffering` in listDiskOfferings).
public struct DiskOffering: CloudStackDecodable, Equatable {
    /// `cacheMode`: the cache mode to use for this disk offering. none, writeback or writethrough
    public var cacheMode: String?
    /// `created`: the date this disk offering was created
    public var created: String?
    /// `details`: additional key/value details tied with this disk offering
    public var details: [String: String] = [:]
    /// `diskBytesReadRate`: bytes read rate of the disk offering
    public var diskBytesReadRate: Int64?
    /// `diskBytesReadRateMax`: burst bytes read rate of the disk offering
    public var diskBytesReadRateMax: Int64?
    /// `diskBytesReadRateMaxLength`: length (in seconds) of the burst
    public var diskBytesReadRateMaxLength: Int64?
    /// `diskBytesWriteRate`: bytes write rate of the disk offering
    public var diskBytesWriteRate: Int64?
    /// `diskBytesWriteRateMax`: burst bytes write rate of the disk offering
    public var diskBytesWriteRateMax: Int64?
    /// `diskBytesWriteRateMaxLength`: length (in seconds) of the burst
    public var diskBytesWriteRateMaxLength: Int64?
    /// `diskIopsReadRate`: io requests read rate of the disk offering
    public var diskIopsReadRate: Int64?
    /// `diskIopsReadRateMax`: burst io requests read rate of the disk offering
    public var diskIopsReadRateMax: Int64?
    /// `diskIopsReadRateMaxLength`: length (in second) of the burst
    public var diskIopsReadRateMaxLength: Int64?
    /// `diskIopsWriteRate`: io requests write rate of the disk offering
    public var diskIopsWriteRate: Int64?
    /// `diskIopsWriteRateMax`: burst io requests write rate of the disk offering
    public var diskIopsWriteRateMax: Int64?
    /// `diskIopsWriteRateMaxLength`: length (in seconds) of the burst
    public var diskIopsWriteRateMaxLength: Int64?
    /// `disksize`: the size of the disk offering in GB
    public var disksize: Int64?
    /// `disksizestrictness`: To allow or disallow the resize operation on the disks created from this disk offering, if the flag is true then resize is not allowed
    public var disksizestrictness: Bool?
    /// `displayoffering`: whether to display the offering to the end user or not.
    public var displayoffering: Bool?
    /// `displaytext`: an alternate display text of the disk offering.
    public var displaytext: String?
    /// `domain`: the domain name(s) this disk offering belongs to. Ignore this information as it is not currently applicable.
    public var domain: String?
    /// `domainid`: the domain ID(s) this disk offering belongs to. Ignore this information as it is not currently applicable.
    public var domainid: String?
    /// `encrypt`: Whether disks using this offering will be encrypted on primary storage
    public var encrypt: Bool?
    /// `hasannotations`: true if the entity/resource has annotations
    public var hasannotations: Bool?
    /// `hypervisorsnapshotreserve`: Hypervisor snapshot reserve space as a percent of a volume (for managed storage using Xen or VMware)
    public var hypervisorsnapshotreserve: Int64?
    /// `id`: unique ID of the disk offering
    public var id: String?
    /// `iscustomized`: true if disk offering uses custom size, false otherwise
    public var iscustomized: Bool?
    /// `iscustomizediops`: true if disk offering uses custom iops, false otherwise
    public var iscustomizediops: Bool?
    /// `jobid`: the UUID of the latest async job acting on this object
    public var jobid: String?
    /// `jobstatus`: the current status of the latest async job acting on this object
    public var jobstatus: Int64?
    /// `maxiops`: the max iops of the disk offering
    public var maxiops: Int64?
    /// `miniops`: the min iops of the disk offering
    public var miniops: Int64?
    /// `name`: the name of the disk offering
    public var name: String?
    /// `provisioningtype`: provisioning type used to create volumes. Valid values are thin, sparse, fat.
    public var provisioningtype: String?
    /// `storagetype`: the storage type for this disk offering
    public var storagetype: String?
    /// `tags`: the tags for the disk offering
    public var tags: String?
    /// `vspherestoragepolicy`: the vsphere storage policy tagged to the disk offering in case of VMware
    public var vspherestoragepolicy: String?
    /// `zone`: the zone name(s) this disk offering belongs to. Ignore this information as it is not currently applicable.
    public var zone: String?
    /// `zoneid`: the zone ID(s) this disk offering belongs to. Ignore this information as it is not currently applicable.
    public var zoneid: String?

    /// Creates a value with every field absent.
    public init() {}
}
