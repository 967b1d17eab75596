// Generated from listApis.json (CloudStack 4.18) by the field list in docs/cloudstack-client.md; wire names verbatim.
public import JSON

/// One ingress or egress rule of a security group (`ingressrule`/`egressrule`).
public struct SecurityGroupRule: CloudStackDecodable, Equatable {
    /// `account`: account owning the security group rule
    public var account: String?
    /// `cidr`: the CIDR notation for the base IP address of the security group rule
    public var cidr: String?
    /// `endport`: the ending IP of the security group rule
    public var endport: Int64?
    /// `icmpcode`: the code for the ICMP message response
    public var icmpcode: Int64?
    /// `icmptype`: the type of the ICMP message response
    public var icmptype: Int64?
    /// `jobid`: the UUID of the latest async job acting on this object
    public var jobid: String?
    /// `jobstatus`: the current status of the latest async job acting on this object
    public var jobstatus: Int64?
    /// `protocol`: the protocol of the security group rule
    public var `protocol`: String?
    /// `ruleid`: the id of the security group rule
    public var ruleid: String?
    /// `securitygroupname`: security group name
    public var securitygroupname: String?
    /// `startport`: the starting IP of the security group rule
    public var startport: Int64?
    /// `tags`: the list of resource tags associated with the rule
    public var tags: [Tag] = []

    /// Creates a value with every field absent.
    public init() {}
}

extension SecurityGroupRule {
    /// Decodes one `SecurityGroupRule` object, skipping unknown fields.
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
            case 4:
                switch key {
                case "cidr": value.cidr = try reader.text()
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
                case "ruleid": value.ruleid = try reader.text()
                default: try reader.skip()
                }
            case 7:
                switch key {
                case "account": value.account = try reader.text()
                case "endport": value.endport = try reader.integer()
                default: try reader.skip()
                }
            case 8:
                switch key {
                case "icmpcode": value.icmpcode = try reader.integer()
                case "icmptype": value.icmptype = try reader.integer()
                case "protocol": value.`protocol` = try reader.text()
                default: try reader.skip()
                }
            case 9:
                switch key {
                case "jobstatus": value.jobstatus = try reader.integer()
                case "startport": value.startport = try reader.integer()
                default: try reader.skip()
                }
            case 17:
                switch key {
                case "securitygroupname": value.securitygroupname = try reader.text()
                default: try reader.skip()
                }
            default: try reader.skip()
            }
        }
    }

    /// The wire names this model reads, for table tests against listApis.json.
    package static let wireFieldNames: [String] = [
        "account", "cidr", "endport", "icmpcode", "icmptype", "jobid",
        "jobstatus", "protocol", "ruleid", "securitygroupname", "startport", "tags",
    ]
}
