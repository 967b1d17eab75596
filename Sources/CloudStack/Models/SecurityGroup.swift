// Generated from listApis.json (CloudStack 4.18) by the field list in docs/cloudstack-client.md; wire names verbatim.
public import JSON

/// A security group (`securitygroup`), with its ingress and egress rules.
public struct SecurityGroup: CloudStackDecodable, Equatable {
    /// `account`: the account owning the security group
    public var account: String?
    /// `description`: the description of the security group
    public var description: String?
    /// `domain`: the domain name of the security group
    public var domain: String?
    /// `domainid`: the domain ID of the security group
    public var domainid: String?
    /// `egressrule`: the list of egress rules associated with the security group
    public var egressrule: [SecurityGroupRule] = []
    /// `id`: the ID of the security group
    public var id: String?
    /// `ingressrule`: the list of ingress rules associated with the security group
    public var ingressrule: [SecurityGroupRule] = []
    /// `jobid`: the UUID of the latest async job acting on this object
    public var jobid: String?
    /// `jobstatus`: the current status of the latest async job acting on this object
    public var jobstatus: Int64?
    /// `name`: the name of the security group
    public var name: String?
    /// `project`: the project name of the group
    public var project: String?
    /// `projectid`: the project id of the group
    public var projectid: String?
    /// `tags`: the list of resource tags associated with the rule
    public var tags: [Tag] = []
    /// `virtualmachinecount`: the number of virtualmachines associated with this securitygroup
    public var virtualmachinecount: Int64?
    /// `virtualmachineids`: the list of virtualmachine ids associated with this securitygroup
    public var virtualmachineids: [String] = []

    /// Creates a value with every field absent.
    public init() {}
}

extension SecurityGroup {
    /// Decodes one `SecurityGroup` object, skipping unknown fields.
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
                case "tags": value.tags = try reader.objects(Tag.self)
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
            case 10:
                switch key {
                case "egressrule": value.egressrule = try reader.objects(SecurityGroupRule.self)
                default: try reader.skip()
                }
            case 11:
                switch key {
                case "description": value.description = try reader.text()
                case "ingressrule": value.ingressrule = try reader.objects(SecurityGroupRule.self)
                default: try reader.skip()
                }
            case 17:
                switch key {
                case "virtualmachineids": value.virtualmachineids = try reader.texts()
                default: try reader.skip()
                }
            case 19:
                switch key {
                case "virtualmachinecount": value.virtualmachinecount = try reader.integer()
                default: try reader.skip()
                }
            default: try reader.skip()
            }
        }
    }

    /// The wire names this model reads, for table tests against listApis.json.
    package static let wireFieldNames: [String] = [
        "account", "description", "domain", "domainid", "egressrule", "id",
        "ingressrule", "jobid", "jobstatus", "name", "project", "projectid",
        "tags", "virtualmachinecount", "virtualmachineids",
    ]
}
