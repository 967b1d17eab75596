// Generated from listApis.json (CloudStack 4.18) by the field list in docs/cloudstack-client.md; wire names verbatim.
public import JSON

/// One rule of a network ACL list (`networkacl` in listNetworkACLs and createNetworkACL results).
public struct NetworkACLItem: CloudStackDecodable, Equatable {
    /// `aclid`: the ID of the ACL this item belongs to
    public var aclid: String?
    /// `aclname`: the name of the ACL this item belongs to
    public var aclname: String?
    /// `action`: Action of ACL Item. Allow/Deny
    public var action: String?
    /// `cidrlist`: the cidr list to forward traffic from. Multiple entries are separated by a single comma character (,).
    public var cidrlist: String?
    /// `endport`: the ending port of ACL's port range
    public var endport: String?
    /// `fordisplay`: is rule for display to the regular user
    public var fordisplay: Bool?
    /// `icmpcode`: error code for this icmp message
    public var icmpcode: Int64?
    /// `icmptype`: type of the icmp message being sent
    public var icmptype: Int64?
    /// `id`: the ID of the ACL Item
    public var id: String?
    /// `jobid`: the UUID of the latest async job acting on this object
    public var jobid: String?
    /// `jobstatus`: the current status of the latest async job acting on this object
    public var jobstatus: Int64?
    /// `number`: Number of the ACL Item
    public var number: Int64?
    /// `protocol`: the protocol of the ACL
    public var `protocol`: String?
    /// `reason`: an explanation on why this ACL rule is being applied
    public var reason: String?
    /// `startport`: the starting port of ACL's port range
    public var startport: String?
    /// `state`: the state of the rule
    public var state: String?
    /// `tags`: the list of resource tags associated with the network ACLs
    public var tags: [Tag] = []
    /// `traffictype`: the traffic type for the ACL
    public var traffictype: String?

    /// Creates a value with every field absent.
    public init() {}
}

extension NetworkACLItem {
    /// Decodes one `NetworkACLItem` object, skipping unknown fields.
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
                case "tags": value.tags = try reader.objects(Tag.self)
                default: try reader.skip()
                }
            case 5:
                switch key {
                case "aclid": value.aclid = try reader.text()
                case "jobid": value.jobid = try reader.text()
                case "state": value.state = try reader.text()
                default: try reader.skip()
                }
            case 6:
                switch key {
                case "action": value.action = try reader.text()
                case "number": value.number = try reader.integer()
                case "reason": value.reason = try reader.text()
                default: try reader.skip()
                }
            case 7:
                switch key {
                case "aclname": value.aclname = try reader.text()
                case "endport": value.endport = try reader.text()
                default: try reader.skip()
                }
            case 8:
                switch key {
                case "cidrlist": value.cidrlist = try reader.text()
                case "icmpcode": value.icmpcode = try reader.integer()
                case "icmptype": value.icmptype = try reader.integer()
                case "protocol": value.`protocol` = try reader.text()
                default: try reader.skip()
                }
            case 9:
                switch key {
                case "jobstatus": value.jobstatus = try reader.integer()
                case "startport": value.startport = try reader.text()
                default: try reader.skip()
                }
            case 10:
                switch key {
                case "fordisplay": value.fordisplay = try reader.flag()
                default: try reader.skip()
                }
            case 11:
                switch key {
                case "traffictype": value.traffictype = try reader.text()
                default: try reader.skip()
                }
            default: try reader.skip()
            }
        }
    }

    /// The wire names this model reads, for table tests against listApis.json.
    package static let wireFieldNames: [String] = [
        "aclid", "aclname", "action", "cidrlist", "endport", "fordisplay",
        "icmpcode", "icmptype", "id", "jobid", "jobstatus", "number",
        "protocol", "reason", "startport", "state", "tags", "traffictype",
    ]
}
