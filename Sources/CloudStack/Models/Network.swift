// Generated from listApis.json (CloudStack 4.18) by the field list in docs/cloudstack-client.md; wire names verbatim.
/// A guest network (`network` in listNetworks and createNetwork).
public struct Network: CloudStackDecodable, Equatable {
    /// `account`: the owner of the network
    public var account: String?
    /// `aclid`: ACL Id associated with the VPC network
    public var aclid: String?
    /// `aclname`: ACL name associated with the VPC network
    public var aclname: String?
    /// `acltype`: acl type - access type to the network
    public var acltype: String?
    /// `associatednetwork`: the name of the Network associated with this private gateway
    public var associatednetwork: String?
    /// `associatednetworkid`: the ID of the Network associated with this network
    public var associatednetworkid: String?
    /// `broadcastdomaintype`: Broadcast domain type of the network
    public var broadcastdomaintype: String?
    /// `broadcasturi`: broadcast uri of the network. This parameter is visible to ROOT admins only
    public var broadcasturi: String?
    /// `canusefordeploy`: list networks available for vm deployment
    public var canusefordeploy: Bool?
    /// `cidr`: Cloudstack managed address space, all CloudStack managed VMs get IP address from CIDR
    public var cidr: String?
    /// `created`: the date this network was created
    public var created: String?
    /// `details`: the details of the network
    public var details: [String: String] = [:]
    /// `displaynetwork`: an optional field, whether to the display the network to the end user or not.
    public var displaynetwork: Bool?
    /// `displaytext`: the displaytext of the network
    public var displaytext: String?
    /// `dns1`: the first IPv4 DNS for the network
    public var dns1: String?
    /// `dns2`: the second IPv4 DNS for the network
    public var dns2: String?
    /// `domain`: the domain name of the network owner
    public var domain: String?
    /// `domainid`: the domain id of the network owner
    public var domainid: String?
    /// `egressdefaultpolicy`: true if guest network default egress policy is allow; false if default egress policy is deny
    public var egressdefaultpolicy: Bool?
    /// `externalid`: The external id of the network
    public var externalid: String?
    /// `gateway`: the network's gateway
    public var gateway: String?
    /// `hasannotations`: true if the entity/resource has annotations
    public var hasannotations: Bool?
    /// `id`: the id of the network
    public var id: String?
    /// `internetprotocol`: The internet protocol of network offering
    public var internetprotocol: String?
    /// `ip6cidr`: the cidr of IPv6 network
    public var ip6cidr: String?
    /// `ip6dns1`: the first IPv6 DNS for the network
    public var ip6dns1: String?
    /// `ip6dns2`: the second IPv6 DNS for the network
    public var ip6dns2: String?
    /// `ip6gateway`: the gateway of IPv6 network
    public var ip6gateway: String?
    /// `ip6routing`: The routing mode of network offering
    public var ip6routing: String?
    /// `isdefault`: true if network is default, false otherwise
    public var isdefault: Bool?
    /// `ispersistent`: list networks that are persistent
    public var ispersistent: Bool?
    /// `issystem`: true if network is system, false otherwise
    public var issystem: Bool?
    /// `jobid`: the UUID of the latest async job acting on this object
    public var jobid: String?
    /// `jobstatus`: the current status of the latest async job acting on this object
    public var jobstatus: Int64?
    /// `name`: the name of the network
    public var name: String?
    /// `netmask`: the network's netmask
    public var netmask: String?
    /// `networkcidr`: the network CIDR of the guest network configured with IP reservation. It is the summation of CIDR and RESERVED_IP_RANGE
    public var networkcidr: String?
    /// `networkdomain`: the network domain
    public var networkdomain: String?
    /// `networkofferingavailability`: availability of the network offering the network is created from
    public var networkofferingavailability: String?
    /// `networkofferingconservemode`: true if network offering is ip conserve mode enabled
    public var networkofferingconservemode: Bool?
    /// `networkofferingdisplaytext`: display text of the network offering the network is created from
    public var networkofferingdisplaytext: String?
    /// `networkofferingid`: network offering id the network is created from
    public var networkofferingid: String?
    /// `networkofferingname`: name of the network offering the network is created from
    public var networkofferingname: String?
    /// `physicalnetworkid`: the physical network id
    public var physicalnetworkid: String?
    /// `privatemtu`: MTU configured on the network VR's private interfaces
    public var privatemtu: Int64?
    /// `project`: the project name of the address
    public var project: String?
    /// `projectid`: the project id of the ipaddress
    public var projectid: String?
    /// `publicmtu`: MTU configured on the network VR's public facing interfaces
    public var publicmtu: Int64?
    /// `receivedbytes`: the total number of network traffic bytes received
    public var receivedbytes: Int64?
    /// `redundantrouter`: If the network has redundant routers enabled
    public var redundantrouter: Bool?
    /// `related`: related to what other network configuration
    public var related: String?
    /// `reservediprange`: the network's IP range not to be used by CloudStack guest VMs and can be used for non CloudStack purposes
    public var reservediprange: String?
    /// `restartrequired`: true network requires restart
    public var restartrequired: Bool?
    /// `sentbytes`: the total number of network traffic bytes sent
    public var sentbytes: Int64?
    /// `specifyipranges`: true if network supports specifying ip ranges, false otherwise
    public var specifyipranges: Bool?
    /// `state`: state of the network
    public var state: String?
    /// `strechedl2subnet`: true if network can span multiple zones
    public var strechedl2subnet: Bool?
    /// `subdomainaccess`: true if users from subdomains can access the domain level network
    public var subdomainaccess: Bool?
    /// `supportsvmautoscaling`: if network offering supports vm autoscaling feature
    public var supportsvmautoscaling: Bool?
    /// `tags`: the list of resource tags associated with network
    public var tags: [Tag] = []
    /// `traffictype`: the traffic type of the network
    public var traffictype: String?
    /// `tungstenvirtualrouteruuid`: Tungsten-Fabric virtual router the network belongs to
    public var tungstenvirtualrouteruuid: String?
    /// `type`: the type of the network
    public var type: String?
    /// `vlan`: The vlan of the network. This parameter is visible to ROOT admins only
    public var vlan: String?
    /// `vpcid`: VPC the network belongs to
    public var vpcid: String?
    /// `vpcname`: Name of the VPC to which this network belongs
    public var vpcname: String?
    /// `zoneid`: zone id of the network
    public var zoneid: String?
    /// `zonename`: the name of the zone the network belongs to
    public var zonename: String?

    /// Creates a value with every field absent.
    public init() {}
}
