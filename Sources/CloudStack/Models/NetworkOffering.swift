// Generated from listApis.json (CloudStack 4.18) by the field list in docs/cloudstack-client.md; wire names verbatim.
/// A network offering (`networkoffering` in listNetworkOfferings).
public struct NetworkOffering: CloudStackDecodable, Equatable {
    /// `availability`: availability of the network offering
    public var availability: String?
    /// `conservemode`: true if network offering is ip conserve mode enabled
    public var conservemode: Bool?
    /// `created`: the date this network offering was created
    public var created: String?
    /// `details`: additional key/value details tied with network offering
    public var details: [String: String] = [:]
    /// `displaytext`: an alternate display text of the network offering.
    public var displaytext: String?
    /// `domain`: the domain name(s) this disk offering belongs to. Ignore this information as it is not currently applicable.
    public var domain: String?
    /// `domainid`: the domain ID(s) this disk offering belongs to. Ignore this information as it is not currently applicable.
    public var domainid: String?
    /// `egressdefaultpolicy`: true if guest network default egress policy is allow; false if default egress policy is deny
    public var egressdefaultpolicy: Bool?
    /// `fortungsten`: true if network offering can be used by Tungsten-Fabric networks only
    public var fortungsten: Bool?
    /// `forvpc`: true if network offering can be used by VPC networks only
    public var forvpc: Bool?
    /// `guestiptype`: guest type of the network offering, can be Shared or Isolated
    public var guestiptype: String?
    /// `hasannotations`: true if the entity/resource has annotations
    public var hasannotations: Bool?
    /// `id`: the id of the network offering
    public var id: String?
    /// `internetprotocol`: the internet protocol of the network offering
    public var internetprotocol: String?
    /// `isdefault`: true if network offering is default, false otherwise
    public var isdefault: Bool?
    /// `ispersistent`: true if network offering supports persistent networks, false otherwise
    public var ispersistent: Bool?
    /// `jobid`: the UUID of the latest async job acting on this object
    public var jobid: String?
    /// `jobstatus`: the current status of the latest async job acting on this object
    public var jobstatus: Int64?
    /// `maxconnections`: maximum number of concurrents connections to be handled by lb
    public var maxconnections: Int64?
    /// `name`: the name of the network offering
    public var name: String?
    /// `networkrate`: data transfer rate in megabits per second allowed.
    public var networkrate: Int64?
    /// `serviceofferingid`: the ID of the service offering used by virtual router provider
    public var serviceofferingid: String?
    /// `specifyipranges`: true if network offering supports specifying ip ranges, false otherwise
    public var specifyipranges: Bool?
    /// `specifyvlan`: true if network offering supports vlans, false otherwise
    public var specifyvlan: Bool?
    /// `state`: state of the network offering. Can be Disabled/Enabled/Inactive
    public var state: String?
    /// `supportspublicaccess`: true if network offering supports public access for guest networks
    public var supportspublicaccess: Bool?
    /// `supportsstrechedl2subnet`: true if network offering supports network that span multiple zones
    public var supportsstrechedl2subnet: Bool?
    /// `tags`: the tags for the network offering
    public var tags: String?
    /// `traffictype`: the traffic type for the network offering, supported types are Public, Management, Control, Guest, Vlan or Storage.
    public var traffictype: String?
    /// `zone`: the zone name(s) this disk offering belongs to. Ignore this information as it is not currently applicable.
    public var zone: String?
    /// `zoneid`: the zone ID(s) this disk offering belongs to. Ignore this information as it is not currently applicable.
    public var zoneid: String?

    /// Creates a value with every field absent.
    public init() {}
}
