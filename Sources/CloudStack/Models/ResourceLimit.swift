// Generated from listApis.json (CloudStack 4.18) by the field list in docs/cloudstack-client.md; wire names verbatim.
public import JSON

/// A resource limit (`resourcelimit` in listResourceLimits).
public struct ResourceLimit: CloudStackDecodable, Equatable {
    /// `account`: the account of the resource limit
    public var account: String?
    /// `domain`: the domain name of the resource limit
    public var domain: String?
    /// `domainid`: the domain ID of the resource limit
    public var domainid: String?
    /// `jobid`: the UUID of the latest async job acting on this object
    public var jobid: String?
    /// `jobstatus`: the current status of the latest async job acting on this object
    public var jobstatus: Int64?
    /// `max`: the maximum number of the resource. A -1 means the resource currently has no limit.
    public var max: Int64?
    /// `project`: the project name of the resource limit
    public var project: String?
    /// `projectid`: the project id of the resource limit
    public var projectid: String?
    /// `resourcetype`: resource type. Values include 0, 1, 2, 3, 4, 6, 7, 8, 9, 10, 11. See the resourceType parameter for more information on these values.
    public var resourcetype: String?
    /// `resourcetypename`: resource type name. Values include user_vm, public_ip, volume, snapshot, template, project, network, vpc, cpu, memory, primary_storage, secondary_storage.
    public var resourcetypename: String?

    /// Creates a value with every field absent.
    public init() {}
}

extension ResourceLimit {
    /// Decodes one `ResourceLimit` object, skipping unknown fields.
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
                case "max": value.max = try reader.integer()
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
            case 12:
                switch key {
                case "resourcetype": value.resourcetype = try reader.text()
                default: try reader.skip()
                }
            case 16:
                switch key {
                case "resourcetypename": value.resourcetypename = try reader.text()
                default: try reader.skip()
                }
            default: try reader.skip()
            }
        }
    }

    /// The wire names this model reads, for table tests against listApis.json.
    package static let wireFieldNames: [String] = [
        "account", "domain", "domainid", "jobid", "jobstatus", "max",
        "project", "projectid", "resourcetype", "resourcetypename",
    ]
}
