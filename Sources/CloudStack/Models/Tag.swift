// Generated from listApis.json (CloudStack 4.18) by the field list in docs/cloudstack-client.md; wire names verbatim.
public import JSON

/// A resource tag (`tag` in listTags, `tags` on resources).
public struct Tag: CloudStackDecodable, Equatable {
    /// `account`: the account associated with the tag
    public var account: String?
    /// `customer`: customer associated with the tag
    public var customer: String?
    /// `domain`: the domain associated with the tag
    public var domain: String?
    /// `domainid`: the ID of the domain associated with the tag
    public var domainid: String?
    /// `jobid`: the UUID of the latest async job acting on this object
    public var jobid: String?
    /// `jobstatus`: the current status of the latest async job acting on this object
    public var jobstatus: Int64?
    /// `key`: tag key name
    public var key: String?
    /// `project`: the project name where tag belongs to
    public var project: String?
    /// `projectid`: the project id the tag belongs to
    public var projectid: String?
    /// `resourceid`: id of the resource
    public var resourceid: String?
    /// `resourcetype`: resource type
    public var resourcetype: String?
    /// `value`: tag value
    public var value: String?

    /// Creates a value with every field absent.
    public init() {}
}

extension Tag {
    /// Decodes one `Tag` object, skipping unknown fields.
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
            case 3:
                switch key {
                case "key": value.key = try reader.text()
                default: try reader.skip()
                }
            case 5:
                switch key {
                case "jobid": value.jobid = try reader.text()
                case "value": value.value = try reader.text()
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
                default: try reader.skip()
                }
            case 8:
                switch key {
                case "customer": value.customer = try reader.text()
                case "domainid": value.domainid = try reader.text()
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
                case "resourceid": value.resourceid = try reader.text()
                default: try reader.skip()
                }
            case 12:
                switch key {
                case "resourcetype": value.resourcetype = try reader.text()
                default: try reader.skip()
                }
            default: try reader.skip()
            }
        }
    }

    /// The wire names this model reads, for table tests against listApis.json.
    package static let wireFieldNames: [String] = [
        "account", "customer", "domain", "domainid", "jobid", "jobstatus",
        "key", "project", "projectid", "resourceid", "resourcetype", "value",
    ]
}
