// Generated from listApis.json (CloudStack 4.18) by the field list in docs/cloudstack-client.md; wire names verbatim.
public import JSON

/// A VPC private gateway (`privategateway` in listPrivateGateways).
public struct PrivateGateway: CloudStackDecodable, Equatable {
    /// `account`: the account associated with the private gateway
    public var account: String?
    /// `aclid`: ACL Id set for private gateway
    public var aclid: String?
    /// `aclname`: ACL name set for private gateway
    public var aclname: String?
    /// `associatednetwork`: the name of the Network associated with this private gateway
    public var associatednetwork: String?
    /// `associatednetworkid`: the ID of the Network associated with this private gateway
    public var associatednetworkid: String?
    /// `domain`: the domain associated with the private gateway
    public var domain: String?
    /// `domainid`: the ID of the domain associated with the private gateway
    public var domainid: String?
    /// `gateway`: the gateway
    public var gateway: String?
    /// `hasannotations`: true if the entity/resource has annotations
    public var hasannotations: Bool?
    /// `id`: the id of the private gateway
    public var id: String?
    /// `ipaddress`: the private gateway's ip address
    public var ipaddress: String?
    /// `jobid`: the UUID of the latest async job acting on this object
    public var jobid: String?
    /// `jobstatus`: the current status of the latest async job acting on this object
    public var jobstatus: Int64?
    /// `netmask`: the private gateway's netmask
    public var netmask: String?
    /// `physicalnetworkid`: the physical network id
    public var physicalnetworkid: String?
    /// `project`: the project name of the private gateway
    public var project: String?
    /// `projectid`: the project id of the private gateway
    public var projectid: String?
    /// `sourcenatsupported`: Source Nat enable status
    public var sourcenatsupported: Bool?
    /// `state`: State of the gateway, can be Creating, Ready, Deleting
    public var state: String?
    /// `vlan`: the network implementation uri for the private gateway
    public var vlan: String?
    /// `vpcid`: VPC id the private gateway belongs to
    public var vpcid: String?
    /// `vpcname`: VPC name the private gateway belongs to
    public var vpcname: String?
    /// `zoneid`: zone id of the private gateway
    public var zoneid: String?
    /// `zonename`: the name of the zone the private gateway belongs to
    public var zonename: String?

    /// Creates a value with every field absent.
    public init() {}
}

extension PrivateGateway {
    /// Decodes one `PrivateGateway` object, skipping unknown fields.
    public static func decode(from reader: inout JSONReader) throws(JSONError) -> Self {
        var value = Self()
        try decodeMembers(into: &value, from: &reader)
        return value
    }

    /// Reads the members into `value`; separate from `decode` so the result is moved, not copied.
    static func decodeMembers(into value: inout Self, from reader: inout JSONReader) throws(JSONError) {
        try reader.beginObject()
        while let key = try reader.nextKey() {
            // Grouping by length first keeps each lookup to a few byte comparisons.
            switch key.byteCount {
            case 2:
                switch key {
                case "id": value.id = try reader.text()
                default: try reader.skip()
                }
            case 4:
                switch key {
                case "vlan": value.vlan = try reader.text()
                default: try reader.skip()
                }
            case 5:
                switch key {
                case "aclid": value.aclid = try reader.text()
                case "jobid": value.jobid = try reader.text()
                case "state": value.state = try reader.text()
                case "vpcid": value.vpcid = try reader.text()
                default: try reader.skip()
                }
            case 6:
                switch key {
                case "domain": value.domain = try reader.text()
                case "zoneid": value.zoneid = try reader.text()
                default: try reader.skip()
                }
            case 7:
                switch key {
                case "account": value.account = try reader.text()
                case "aclname": value.aclname = try reader.text()
                case "gateway": value.gateway = try reader.text()
                case "netmask": value.netmask = try reader.text()
                case "project": value.project = try reader.text()
                case "vpcname": value.vpcname = try reader.text()
                default: try reader.skip()
                }
            case 8:
                switch key {
                case "domainid": value.domainid = try reader.text()
                case "zonename": value.zonename = try reader.text()
                default: try reader.skip()
                }
            case 9:
                switch key {
                case "ipaddress": value.ipaddress = try reader.text()
                case "jobstatus": value.jobstatus = try reader.integer()
                case "projectid": value.projectid = try reader.text()
                default: try reader.skip()
                }
            case 14:
                switch key {
                case "hasannotations": value.hasannotations = try reader.flag()
                default: try reader.skip()
                }
            case 17:
                switch key {
                case "associatednetwork": value.associatednetwork = try reader.text()
                case "physicalnetworkid": value.physicalnetworkid = try reader.text()
                default: try reader.skip()
                }
            case 18:
                switch key {
                case "sourcenatsupported": value.sourcenatsupported = try reader.flag()
                default: try reader.skip()
                }
            case 19:
                switch key {
                case "associatednetworkid": value.associatednetworkid = try reader.text()
                default: try reader.skip()
                }
            default: try reader.skip()
            }
        }
    }

    /// The wire names this model reads, for table tests against listApis.json.
    package static let wireFieldNames: [String] = [
        "account", "aclid", "aclname", "associatednetwork", "associatednetworkid", "domain",
        "domainid", "gateway", "hasannotations", "id", "ipaddress", "jobid",
        "jobstatus", "netmask", "physicalnetworkid", "project", "projectid", "sourcenatsupported",
        "state", "vlan", "vpcid", "vpcname", "zoneid", "zonename",
    ]
}
