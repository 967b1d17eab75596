// Generated from listApis.json (CloudStack 4.18) by the field list in docs/cloudstack-client.md; wire names verbatim.
public import JSON

/// A region (`region` in listRegions).
public struct Region: CloudStackDecodable, Equatable {
    /// `endpoint`: the end point of the region
    public var endpoint: String?
    /// `gslbserviceenabled`: true if GSLB service is enabled in the region, false otherwise
    public var gslbserviceenabled: Bool?
    /// `id`: the ID of the region
    public var id: Int64?
    /// `jobid`: the UUID of the latest async job acting on this object
    public var jobid: String?
    /// `jobstatus`: the current status of the latest async job acting on this object
    public var jobstatus: Int64?
    /// `name`: the name of the region
    public var name: String?
    /// `portableipserviceenabled`: true if security groups support is enabled, false otherwise
    public var portableipserviceenabled: Bool?

    /// Creates a value with every field absent.
    public init() {}
}

extension Region {
    /// Decodes one `Region` object, skipping unknown fields.
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
                case "id": value.id = try reader.integer()
                default: try reader.skip()
                }
            case 4:
                switch key {
                case "name": value.name = try reader.text()
                default: try reader.skip()
                }
            case 5:
                switch key {
                case "jobid": value.jobid = try reader.text()
                default: try reader.skip()
                }
            case 8:
                switch key {
                case "endpoint": value.endpoint = try reader.text()
                default: try reader.skip()
                }
            case 9:
                switch key {
                case "jobstatus": value.jobstatus = try reader.integer()
                default: try reader.skip()
                }
            case 18:
                switch key {
                case "gslbserviceenabled": value.gslbserviceenabled = try reader.flag()
                default: try reader.skip()
                }
            case 24:
                switch key {
                case "portableipserviceenabled": value.portableipserviceenabled = try reader.flag()
                default: try reader.skip()
                }
            default: try reader.skip()
            }
        }
    }

    /// The wire names this model reads, for table tests against listApis.json.
    package static let wireFieldNames: [String] = [
        "endpoint", "gslbserviceenabled", "id", "jobid", "jobstatus", "name",
        "portableipserviceenabled",
    ]
}
