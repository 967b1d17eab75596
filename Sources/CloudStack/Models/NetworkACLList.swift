// Generated from listApis.json (CloudStack 4.18) by the field list in docs/cloudstack-client.md; wire names verbatim.
public import JSON

/// A network ACL list (`networkacllist` in listNetworkACLLists and createNetworkACLList results).
public struct NetworkACLList: CloudStackDecodable, Equatable {
    /// `description`: Description of the ACL
    public var description: String?
    /// `fordisplay`: is ACL for display to the regular user
    public var fordisplay: Bool?
    /// `id`: the ID of the ACL
    public var id: String?
    /// `jobid`: the UUID of the latest async job acting on this object
    public var jobid: String?
    /// `jobstatus`: the current status of the latest async job acting on this object
    public var jobstatus: Int64?
    /// `name`: the Name of the ACL
    public var name: String?
    /// `vpcid`: Id of the VPC this ACL is associated with
    public var vpcid: String?
    /// `vpcname`: Name of the VPC this ACL is associated with
    public var vpcname: String?

    /// Creates a value with every field absent.
    public init() {}
}

extension NetworkACLList {
    /// Decodes one `NetworkACLList` object, skipping unknown fields.
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
                case "vpcid": value.vpcid = try reader.text()
                default: try reader.skip()
                }
            case 7:
                switch key {
                case "vpcname": value.vpcname = try reader.text()
                default: try reader.skip()
                }
            case 9:
                switch key {
                case "jobstatus": value.jobstatus = try reader.integer()
                default: try reader.skip()
                }
            case 10:
                switch key {
                case "fordisplay": value.fordisplay = try reader.flag()
                default: try reader.skip()
                }
            case 11:
                switch key {
                case "description": value.description = try reader.text()
                default: try reader.skip()
                }
            default: try reader.skip()
            }
        }
    }

    /// The wire names this model reads, for table tests against listApis.json.
    package static let wireFieldNames: [String] = [
        "description", "fordisplay", "id", "jobid", "jobstatus", "name",
        "vpcid", "vpcname",
    ]
}
