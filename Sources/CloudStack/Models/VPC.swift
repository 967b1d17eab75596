// Generated from listApis.json (CloudStack 4.18) by the field list in docs/cloudstack-client.md; wire names verbatim.
/// A VPC (`vpc` in listVPCs and createVPC results).
public struct VPC: CloudStackDecodable, Equatable {
    /// `account`: the owner of the VPC
    public var account: String?
    /// `cidr`: the cidr the VPC
    public var cidr: String?
    /// `created`: the date this VPC was created
    public var created: String?
    /// `displaytext`: an alternate display text of the VPC.
    public var displaytext: String?
    /// `distributedvpcrouter`: is VPC uses distributed router for one hop forwarding and host based network ACL's
    public var distributedvpcrouter: Bool?
    /// `dns1`: the first IPv4 DNS for the VPC
    public var dns1: String?
    /// `dns2`: the second IPv4 DNS for the VPC
    public var dns2: String?
    /// `domain`: the domain name of the owner
    public var domain: String?
    /// `domainid`: the domain id of the VPC owner
    public var domainid: String?
    /// `fordisplay`: is vpc for display to the regular user
    public var fordisplay: Bool?
    /// `hasannotations`: true if the entity/resource has annotations
    public var hasannotations: Bool?
    /// `id`: the id of the VPC
    public var id: String?
    /// `ip6dns1`: the first IPv6 DNS for the VPC
    public var ip6dns1: String?
    /// `ip6dns2`: the second IPv6 DNS for the VPC
    public var ip6dns2: String?
    /// `jobid`: the UUID of the latest async job acting on this object
    public var jobid: String?
    /// `jobstatus`: the current status of the latest async job acting on this object
    public var jobstatus: Int64?
    /// `name`: the name of the VPC
    public var name: String?
    /// `networkdomain`: the network domain of the VPC
    public var networkdomain: String?
    /// `project`: the project name of the VPC
    public var project: String?
    /// `projectid`: the project id of the VPC
    public var projectid: String?
    /// `publicmtu`: MTU configured on the public interfaces of the VPC VR
    public var publicmtu: Int64?
    /// `redundantvpcrouter`: if this VPC has redundant router
    public var redundantvpcrouter: Bool?
    /// `regionlevelvpc`: true if VPC is region level
    public var regionlevelvpc: Bool?
    /// `restartrequired`: true VPC requires restart
    public var restartrequired: Bool?
    /// `state`: state of the VPC. Can be Inactive/Enabled
    public var state: String?
    /// `tags`: the list of resource tags associated with the project
    public var tags: [Tag] = []
    /// `vpcofferingid`: vpc offering id the VPC is created from
    public var vpcofferingid: String?
    /// `vpcofferingname`: vpc offering name the VPC is created from
    public var vpcofferingname: String?
    /// `zoneid`: zone id of the vpc
    public var zoneid: String?
    /// `zonename`: the name of the zone the VPC belongs to
    public var zonename: String?

    /// Creates a value with every field absent.
    public init() {}
}
