// Generated from listApis.json (CloudStack 4.18) by the field list in docs/cloudstack-client.md; wire names verbatim.
/// A public IP address (`publicipaddress` in lists, `ipaddress` from associateIpAddress).
public struct PublicIPAddress: CloudStackDecodable, Equatable {
    /// `account`: the account the public IP address is associated with
    public var account: String?
    /// `allocated`: date the public IP address was acquired
    public var allocated: String?
    /// `associatednetworkid`: the ID of the Network associated with the IP address
    public var associatednetworkid: String?
    /// `associatednetworkname`: the name of the Network associated with the IP address
    public var associatednetworkname: String?
    /// `domain`: the domain the public IP address is associated with
    public var domain: String?
    /// `domainid`: the domain ID the public IP address is associated with
    public var domainid: String?
    /// `fordisplay`: is public ip for display to the regular user
    public var fordisplay: Bool?
    /// `forvirtualnetwork`: the virtual network for the IP address
    public var forvirtualnetwork: Bool?
    /// `hasannotations`: true if the entity/resource has annotations
    public var hasannotations: Bool?
    /// `id`: public IP address id
    public var id: String?
    /// `ipaddress`: public IP address
    public var ipaddress: String?
    /// `isportable`: is public IP portable across the zones
    public var isportable: Bool?
    /// `issourcenat`: true if the IP address is a source nat address, false otherwise
    public var issourcenat: Bool?
    /// `isstaticnat`: true if this ip is for static nat, false otherwise
    public var isstaticnat: Bool?
    /// `issystem`: true if this ip is system ip (was allocated as a part of deployVm or createLbRule)
    public var issystem: Bool?
    /// `jobid`: the UUID of the latest async job acting on this object
    public var jobid: String?
    /// `jobstatus`: the current status of the latest async job acting on this object
    public var jobstatus: Int64?
    /// `networkid`: the ID of the Network where ip belongs to
    public var networkid: String?
    /// `networkname`: the name of the Network where ip belongs to
    public var networkname: String?
    /// `physicalnetworkid`: the physical network this belongs to
    public var physicalnetworkid: String?
    /// `project`: the project name of the address
    public var project: String?
    /// `projectid`: the project id of the ipaddress
    public var projectid: String?
    /// `purpose`: purpose of the IP address. In Acton this value is not null for Ips with isSystem=true, and can have either StaticNat or LB value
    public var purpose: String?
    /// `state`: State of the ip address. Can be: Allocatin, Allocated and Releasing
    public var state: String?
    /// `tags`: the list of resource tags associated with ip address
    public var tags: [Tag] = []
    /// `virtualmachinedisplayname`: virtual machine display name the ip address is assigned to (not null only for static nat Ip)
    public var virtualmachinedisplayname: String?
    /// `virtualmachineid`: virtual machine id the ip address is assigned to (not null only for static nat Ip)
    public var virtualmachineid: String?
    /// `virtualmachinename`: virtual machine name the ip address is assigned to (not null only for static nat Ip)
    public var virtualmachinename: String?
    /// `vlanid`: the ID of the VLAN associated with the IP address. This parameter is visible to ROOT admins only
    public var vlanid: String?
    /// `vlanname`: the VLAN associated with the IP address
    public var vlanname: String?
    /// `vmipaddress`: virtual machine (dnat) ip address (not null only for static nat Ip)
    public var vmipaddress: String?
    /// `vpcid`: VPC id the ip belongs to
    public var vpcid: String?
    /// `vpcname`: VPC name the ip belongs to
    public var vpcname: String?
    /// `zoneid`: the ID of the zone the public IP address belongs to
    public var zoneid: String?
    /// `zonename`: the name of the zone the public IP address belongs to
    public var zonename: String?

    /// Creates a value with every field absent.
    public init() {}
}
