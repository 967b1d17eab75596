// Generated from listApis.json (CloudStack 4.18) by the field list in docs/cloudstack-client.md; wire names verbatim.
/// A zone (`zone` in listZones).
public struct Zone: CloudStackDecodable, Equatable {
    /// `allocationstate`: the allocation state of the cluster
    public var allocationstate: String?
    /// `allowuserspecifyvrmtu`: Allow end users to specify VR MTU
    public var allowuserspecifyvrmtu: Bool?
    /// `description`: Zone description
    public var description: String?
    /// `dhcpprovider`: the dhcp Provider for the Zone
    public var dhcpprovider: String?
    /// `displaytext`: the display text of the zone
    public var displaytext: String?
    /// `dns1`: the first DNS for the Zone
    public var dns1: String?
    /// `dns2`: the second DNS for the Zone
    public var dns2: String?
    /// `domain`: Network domain name for the networks in the zone
    public var domain: String?
    /// `domainid`: the UUID of the containing domain, null for public zones
    public var domainid: String?
    /// `domainname`: the name of the containing domain, null for public zones
    public var domainname: String?
    /// `guestcidraddress`: the guest CIDR address for the Zone
    public var guestcidraddress: String?
    /// `hasannotations`: true if the entity/resource has annotations
    public var hasannotations: Bool?
    /// `id`: Zone id
    public var id: String?
    /// `internaldns1`: the first internal DNS for the Zone
    public var internaldns1: String?
    /// `internaldns2`: the second internal DNS for the Zone
    public var internaldns2: String?
    /// `ip6dns1`: the first IPv6 DNS for the Zone
    public var ip6dns1: String?
    /// `ip6dns2`: the second IPv6 DNS for the Zone
    public var ip6dns2: String?
    /// `jobid`: the UUID of the latest async job acting on this object
    public var jobid: String?
    /// `jobstatus`: the current status of the latest async job acting on this object
    public var jobstatus: Int64?
    /// `localstorageenabled`: true if local storage offering enabled, false otherwise
    public var localstorageenabled: Bool?
    /// `name`: Zone name
    public var name: String?
    /// `networktype`: the network type of the zone; can be Basic or Advanced
    public var networktype: String?
    /// `resourcedetails`: Meta data associated with the zone (key/value pairs)
    public var resourcedetails: [String: String] = [:]
    /// `routerprivateinterfacemaxmtu`: The maximum value the MTU can have on the VR's private interfaces
    public var routerprivateinterfacemaxmtu: Int64?
    /// `routerpublicinterfacemaxmtu`: The maximum value the MTU can have on the VR's public interfaces
    public var routerpublicinterfacemaxmtu: Int64?
    /// `securitygroupsenabled`: true if security groups support is enabled, false otherwise
    public var securitygroupsenabled: Bool?
    /// `tags`: the list of resource tags associated with zone.
    public var tags: [Tag] = []
    /// `type`: the type of the zone - core or edge
    public var type: String?
    /// `zonetoken`: Zone Token
    public var zonetoken: String?

    /// Creates a value with every field absent.
    public init() {}
}
