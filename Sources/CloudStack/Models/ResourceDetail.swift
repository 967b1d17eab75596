// Generated from listApis.json (CloudStack 4.18) by the field list in docs/cloudstack-client.md; wire names verbatim.
public import JSON

/// A resource detail (`resourcedetail` in listResourceDetails): one `key=value` on a resource.
///
/// The server writes ResourceDetailResponse (`resourceid`, `resourcetype`, `key`, `value`,
/// `fordisplay`); listApis.json reports the command's declared ResourceTagResponse, so only the names
/// both have are read.
public struct ResourceDetail: CloudStackDecodable, Equatable {
    /// `key`: tag key name
    public var key: String?
    /// `resourceid`: id of the resource
    public var resourceid: String?
    /// `resourcetype`: resource type
    public var resourcetype: String?
    /// `value`: tag value
    public var value: String?

    /// Creates a value with every field absent.
    public init() {}
}

extension ResourceDetail {
    /// Decodes one `ResourceDetail` object, skipping unknown fields.
    public static func decode(from reader: inout JSONReader) throws(JSONError) -> Self {
        var value = Self()
        try decodeMembers(into: &value, from: &reader)
        return value
    }

    /// Reads the members into `value`; separate from `decode` so the result is moved, not copied.
    static func decodeMembers(into value: inout Self, from reader: inout JSONReader) throws(JSONError) {
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "key": value.key = try reader.text()
            case "value": value.value = try reader.text()
            case "resourceid": value.resourceid = try reader.text()
            case "resourcetype": value.resourcetype = try reader.text()
            default: try reader.skip()
            }
        }
    }

    /// The wire names this model reads, for table tests against listApis.json.
    package static let wireFieldNames: [String] = ["key", "resourceid", "resourcetype", "value"]
}
