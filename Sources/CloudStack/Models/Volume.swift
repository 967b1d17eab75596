// Generated from listApis.json (CloudStack 4.18) by the field list in docs/cloudstack-client.md; wire names verbatim.
/// A volume (`volume` in listVolumes and volume job results).
public struct Volume: CloudStackDecodable, Equatable {
    /// `account`: the account associated with the disk volume
    public var account: String?
    /// `attached`: the date the volume was attached to a VM instance
    public var attached: String?
    /// `created`: the date the disk volume was created
    public var created: String?
    /// `deviceid`: the ID of the device on user vm the volume is attahed to. This tag is not returned when the volume is detached.
    public var deviceid: Int64?
    /// `diskofferingid`: ID of the disk offering
    public var diskofferingid: String?
    /// `diskofferingname`: name of the disk offering
    public var diskofferingname: String?
    /// `domain`: the domain associated with the disk volume
    public var domain: String?
    /// `domainid`: the ID of the domain associated with the disk volume
    public var domainid: String?
    /// `hypervisor`: Hypervisor the volume belongs to
    public var hypervisor: String?
    /// `id`: ID of the disk volume
    public var id: String?
    /// `jobid`: the UUID of the latest async job acting on this object
    public var jobid: String?
    /// `jobstatus`: the current status of the latest async job acting on this object
    public var jobstatus: Int64?
    /// `name`: name of the disk volume
    public var name: String?
    /// `path`: the path of the volume
    public var path: String?
    /// `physicalsize`: the bytes allocated
    public var physicalsize: Int64?
    /// `project`: the project name of the vpn
    public var project: String?
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
    /// `tags`: the list of resource tags associated
    public var tags: [Tag] = []
    /// `templateid`: the ID of the template for the virtual machine. A -1 is returned if the virtual machine was created from an ISO file.
    public var templateid: String?
    /// `templatename`: the name of the template for the virtual machine
    public var templatename: String?
    /// `type`: type of the disk volume (ROOT or DATADISK)
    public var type: String?
    /// `virtualmachineid`: id of the virtual machine
    public var virtualmachineid: String?
    /// `vmname`: name of the virtual machine
    public var vmname: String?
    /// `vmstate`: state of the virtual machine
    public var vmstate: String?
    /// `zoneid`: ID of the availability zone
    public var zoneid: String?
    /// `zonename`: name of the availability zone
    public var zonename: String?

    /// Creates a value with every field absent.
    public init() {}
}
