// Generated from listApis.json (CloudStack 4.18) by the field list in docs/cloudstack-client.md; wire names verbatim.
public import JSON

/// A VPC offering (`vpcoffering` in listVPCOfferings).
public struct VPCOffering: CloudStackDecodable, Equatable {
    /// `created`: the date this vpc offering was created
    public var created: String?
    /// `displaytext`: an alternate display text of the vpc offering.
    public var displaytext: String?
    /// `distributedvpcrouter`: indicates if the vpc offering supports distributed router for one-hop forwarding
    public var distributedvpcrouter: Bool?
    /// `domain`: the domain name(s) this disk offering belongs to. Ignore this information as it is not currently applicable.
    public var domain: String?
    /// `domainid`: the domain ID(s) this disk offering belongs to. Ignore this information as it is not currently applicable.
    public var domainid: String?
    /// `id`: the id of the vpc offering
    public var id: String?
    /// `internetprotocol`: the internet protocol of the vpc offering
    public var internetprotocol: String?
    /// `isdefault`: true if vpc offering is default, false otherwise
    public var isdefault: Bool?
    /// `jobid`: the UUID of the latest async job acting on this object
    public var jobid: String?
    /// `jobstatus`: the current status of the latest async job acting on this object
    public var jobstatus: Int64?
    /// `name`: the name of the vpc offering
    public var name: String?
    /// `state`: state of the vpc offering. Can be Disabled/Enabled
    public var state: String?
    /// `supportsregionLevelvpc`: indicated if the offering can support region level vpc
    public var supportsregionLevelvpc: Bool?
    /// `zone`: the zone name(s) this disk offering belongs to. Ignore this information as it is not currently applicable.
    public var zone: String?
    /// `zoneid`: the zone ID(s) this disk offering belongs to. Ignore this information as it is not currently applicable.
    public var zoneid: String?

    /// Creates a value with every field absent.
    public init() {}
}

extension VPCOffering {
    /// Decodes one `VPCOffering` object, skipping unknown fields.
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
                case "name": value.name = try reader.text()
                case "zone": value.zone = try reader.text()
                default: try reader.skip()
                }
            case 5:
                switch key {
                case "jobid": value.jobid = try reader.text()
                case "state": value.state = try reader.text()
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
                case "created": value.created = try reader.text()
                default: try reader.skip()
                }
            case 8:
                switch key {
                case "domainid": value.domainid = try reader.text()
                default: try reader.skip()
                }
            case 9:
                switch key {
                case "isdefault": value.isdefault = try reader.flag()
                case "jobstatus": value.jobstatus = try reader.integer()
                default: try reader.skip()
                }
            case 11:
                switch key {
                case "displaytext": value.displaytext = try reader.text()
                default: try reader.skip()
                }
            case 16:
                switch key {
                case "internetprotocol": value.internetprotocol = try reader.text()
                default: try reader.skip()
                }
            case 20:
                switch key {
                case "distributedvpcrouter": value.distributedvpcrouter = try reader.flag()
                default: try reader.skip()
                }
            case 22:
                switch key {
                case "supportsregionLevelvpc": value.supportsregionLevelvpc = try reader.flag()
                default: try reader.skip()
                }
            default: try reader.skip()
            }
        }
    }

    /// The wire names this model reads, for table tests against listApis.json.
    package static let wireFieldNames: [String] = [
        "created", "displaytext", "distributedvpcrouter", "domain", "domainid", "id",
        "internetprotocol", "isdefault", "jobid", "jobstatus", "name", "state",
        "supportsregionLevelvpc", "zone", "zoneid",
    ]
}
