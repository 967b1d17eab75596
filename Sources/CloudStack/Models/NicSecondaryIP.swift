// Generated from listApis.json (CloudStack 4.18) by the field list in docs/cloudstack-client.md; wire names verbatim.
public import JSON

/// A secondary IPv4 address of a NIC (`nicsecondaryip` from addIpToNic, `secondaryip` of a nic).
public struct NicSecondaryIP: CloudStackDecodable, Equatable {
    /// `id`: the ID of the secondary private IP addr
    public var id: String?
    /// `ipaddress`: Secondary IP address
    public var ipaddress: String?
    /// `jobid`: the UUID of the latest async job acting on this object
    public var jobid: String?
    /// `jobstatus`: the current status of the latest async job acting on this object
    public var jobstatus: Int64?
    /// `networkid`: the ID of the network
    public var networkid: String?
    /// `nicid`: the ID of the nic
    public var nicid: String?
    /// `virtualmachineid`: the ID of the vm
    public var virtualmachineid: String?

    /// Creates a value with every field absent.
    public init() {}
}

extension NicSecondaryIP {
    /// Decodes one `NicSecondaryIP` object, skipping unknown fields.
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
                case "nicid": value.nicid = try reader.text()
                default: try reader.skip()
                }
            case 9:
                switch key {
                case "ipaddress": value.ipaddress = try reader.text()
                case "jobstatus": value.jobstatus = try reader.integer()
                case "networkid": value.networkid = try reader.text()
                default: try reader.skip()
                }
            case 16:
                switch key {
                case "virtualmachineid": value.virtualmachineid = try reader.text()
                default: try reader.skip()
                }
            default: try reader.skip()
            }
        }
    }

    /// The wire names this model reads, for table tests against listApis.json.
    package static let wireFieldNames: [String] = [
        "id", "ipaddress", "jobid", "jobstatus", "networkid", "nicid",
        "virtualmachineid",
    ]
}
