// Generated from listApis.json (CloudStack 4.18) by the field list in docs/cloudstack-client.md; wire names verbatim.
public import JSON

/// An affinity group reference (`affinitygroup` of a virtual machine).
public struct AffinityGroup: CloudStackDecodable, Equatable {
    /// `account`: the account owning the affinity group
    public var account: String?
    /// `description`: the description of the affinity group
    public var description: String?
    /// `domain`: the domain name of the affinity group
    public var domain: String?
    /// `domainid`: the domain ID of the affinity group
    public var domainid: String?
    /// `id`: the ID of the affinity group
    public var id: String?
    /// `name`: the name of the affinity group
    public var name: String?
    /// `project`: the project name of the affinity group
    public var project: String?
    /// `projectid`: the project ID of the affinity group
    public var projectid: String?
    /// `type`: the type of the affinity group
    public var type: String?
    /// `virtualmachineIds`: virtual machine IDs associated with this affinity group
    public var virtualmachineIds: [String] = []

    /// Creates a value with every field absent.
    public init() {}
}

extension AffinityGroup {
    /// Decodes one `AffinityGroup` object, skipping unknown fields.
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
                case "type": value.type = try reader.text()
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
                case "projectid": value.projectid = try reader.text()
                default: try reader.skip()
                }
            case 11:
                switch key {
                case "description": value.description = try reader.text()
                default: try reader.skip()
                }
            case 17:
                switch key {
                case "virtualmachineIds": value.virtualmachineIds = try reader.texts()
                default: try reader.skip()
                }
            default: try reader.skip()
            }
        }
    }

    /// The wire names this model reads, for table tests against listApis.json.
    package static let wireFieldNames: [String] = [
        "account", "description", "domain", "domainid", "id", "name",
        "project", "projectid", "type", "virtualmachineIds",
    ]
}
