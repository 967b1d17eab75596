// Generated from listApis.json (CloudStack 4.18) by the field list in docs/cloudstack-client.md; wire names verbatim.
public import JSON

/// An instance group (`instancegroup` in listInstanceGroups, createInstanceGroup and updateInstanceGroup).
public struct InstanceGroup: CloudStackDecodable, Equatable {
    /// `account`: the account owning the instance group
    public var account: String?
    /// `created`: time and date the instance group was created
    public var created: String?
    /// `domain`: the domain name of the instance group
    public var domain: String?
    /// `domainid`: the domain ID of the instance group
    public var domainid: String?
    /// `hasannotations`: true if the entity/resource has annotations
    public var hasannotations: Bool?
    /// `id`: the ID of the instance group
    public var id: String?
    /// `jobid`: the UUID of the latest async job acting on this object
    public var jobid: String?
    /// `jobstatus`: the current status of the latest async job acting on this object
    public var jobstatus: Int64?
    /// `name`: the name of the instance group
    public var name: String?
    /// `project`: the project name of the instance group
    public var project: String?
    /// `projectid`: the project ID of the instance group
    public var projectid: String?

    /// Creates a value with every field absent.
    public init() {}
}

extension InstanceGroup {
    /// Decodes one `InstanceGroup` object, skipping unknown fields.
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
                default: try reader.skip()
                }
            case 5:
                switch key {
                case "jobid": value.jobid = try reader.text()
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
                case "created": value.created = try reader.text()
                case "project": value.project = try reader.text()
                default: try reader.skip()
                }
            case 8:
                switch key {
                case "domainid": value.domainid = try reader.text()
                default: try reader.skip()
                }
            case 9:
                switch key {
                case "jobstatus": value.jobstatus = try reader.integer()
                case "projectid": value.projectid = try reader.text()
                default: try reader.skip()
                }
            case 14:
                switch key {
                case "hasannotations": value.hasannotations = try reader.flag()
                default: try reader.skip()
                }
            default: try reader.skip()
            }
        }
    }

    /// The wire names this model reads, for table tests against listApis.json.
    package static let wireFieldNames: [String] = [
        "account", "created", "domain", "domainid", "hasannotations", "id",
        "jobid", "jobstatus", "name", "project", "projectid",
    ]
}
