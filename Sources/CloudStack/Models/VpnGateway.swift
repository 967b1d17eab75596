// Generated from listApis.json (CloudStack 4.18) by the field list in docs/cloudstack-client.md; wire names verbatim.
public import JSON

/// A VPC's site-to-site VPN gateway (`vpngateway` in listVpnGateways and createVpnGateway results).
public struct VpnGateway: CloudStackDecodable, Equatable {
    /// `account`: the owner
    public var account: String?
    /// `domain`: the domain name of the owner
    public var domain: String?
    /// `domainid`: the domain id of the owner
    public var domainid: String?
    /// `fordisplay`: is vpn gateway for display to the regular user
    public var fordisplay: Bool?
    /// `id`: the vpn gateway ID
    public var id: String?
    /// `jobid`: the UUID of the latest async job acting on this object
    public var jobid: String?
    /// `jobstatus`: the current status of the latest async job acting on this object
    public var jobstatus: Int64?
    /// `project`: the project name
    public var project: String?
    /// `projectid`: the project id
    public var projectid: String?
    /// `publicip`: the public IP address
    public var publicip: String?
    /// `removed`: the date and time the host was removed
    public var removed: String?
    /// `vpcid`: the vpc id of this gateway
    public var vpcid: String?
    /// `vpcname`: the vpc name of this gateway
    public var vpcname: String?

    /// Creates a value with every field absent.
    public init() {}
}

extension VpnGateway {
    /// Decodes one `VpnGateway` object, skipping unknown fields.
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
            case 5:
                switch key {
                case "jobid": value.jobid = try reader.text()
                case "vpcid": value.vpcid = try reader.text()
                default: try reader.skip()
                }
            case 6:
                switch key {
                case "domain": value.domain = try reader.text()
                default: try reader.skip()
                }
            case 7:
                switch key {
                case "account": value.account = try reader.text()
                case "project": value.project = try reader.text()
                case "removed": value.removed = try reader.text()
                case "vpcname": value.vpcname = try reader.text()
                default: try reader.skip()
                }
            case 8:
                switch key {
                case "domainid": value.domainid = try reader.text()
                case "publicip": value.publicip = try reader.text()
                default: try reader.skip()
                }
            case 9:
                switch key {
                case "jobstatus": value.jobstatus = try reader.integer()
                case "projectid": value.projectid = try reader.text()
                default: try reader.skip()
                }
            case 10:
                switch key {
                case "fordisplay": value.fordisplay = try reader.flag()
                default: try reader.skip()
                }
            default: try reader.skip()
            }
        }
    }

    /// The wire names this model reads, for table tests against listApis.json.
    package static let wireFieldNames: [String] = [
        "account", "domain", "domainid", "fordisplay", "id", "jobid",
        "jobstatus", "project", "projectid", "publicip", "removed", "vpcid",
        "vpcname",
    ]
}
