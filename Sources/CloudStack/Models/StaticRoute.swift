// Generated from listApis.json (CloudStack 4.18) by the field list in docs/cloudstack-client.md; wire names verbatim.
public import JSON

/// A VPC static route (`staticroute` in listStaticRoutes and createStaticRoute results).
public struct StaticRoute: CloudStackDecodable, Equatable {
    /// `account`: the account associated with the static route
    public var account: String?
    /// `cidr`: static route CIDR
    public var cidr: String?
    /// `domain`: the domain associated with the static route
    public var domain: String?
    /// `domainid`: the ID of the domain associated with the static route
    public var domainid: String?
    /// `gatewayid`: VPC gateway the route is created for
    public var gatewayid: String?
    /// `id`: the ID of static route
    public var id: String?
    /// `jobid`: the UUID of the latest async job acting on this object
    public var jobid: String?
    /// `jobstatus`: the current status of the latest async job acting on this object
    public var jobstatus: Int64?
    /// `project`: the project name of the static route
    public var project: String?
    /// `projectid`: the project id of the static route
    public var projectid: String?
    /// `state`: the state of the static route
    public var state: String?
    /// `tags`: the list of resource tags associated with static route
    public var tags: [Tag] = []
    /// `vpcid`: VPC the static route belongs to
    public var vpcid: String?

    /// Creates a value with every field absent.
    public init() {}
}

extension StaticRoute {
    /// Decodes one `StaticRoute` object, skipping unknown fields.
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
                case "cidr": value.cidr = try reader.text()
                case "tags": value.tags = try reader.objects(Tag.self)
                default: try reader.skip()
                }
            case 5:
                switch key {
                case "jobid": value.jobid = try reader.text()
                case "state": value.state = try reader.text()
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
                default: try reader.skip()
                }
            case 8:
                switch key {
                case "domainid": value.domainid = try reader.text()
                default: try reader.skip()
                }
            case 9:
                switch key {
                case "gatewayid": value.gatewayid = try reader.text()
                case "jobstatus": value.jobstatus = try reader.integer()
                case "projectid": value.projectid = try reader.text()
                default: try reader.skip()
                }
            default: try reader.skip()
            }
        }
    }

    /// The wire names this model reads, for table tests against listApis.json.
    package static let wireFieldNames: [String] = [
        "account", "cidr", "domain", "domainid", "gatewayid", "id",
        "jobid", "jobstatus", "project", "projectid", "state", "tags",
        "vpcid",
    ]
}
