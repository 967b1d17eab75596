// Wire names verbatim from listApis.json (CloudStack 4.18, InstanceGroupResponse).
public import JSON

/// An instance group (`instancegroup` of createInstanceGroup, listInstanceGroups and updateInstanceGroup).
public struct InstanceGroup: CloudStackDecodable, Equatable {
    /// `id`: the ID of the instance group
    public var id: String?
    /// `name`: the name of the instance group
    public var name: String?
    /// `created`: time and date the instance group was created
    public var created: String?
    /// `account`: the account owning the instance group
    public var account: String?

    /// Creates a value with every field absent.
    public init() {}
}

extension InstanceGroup {
    /// Decodes one `InstanceGroup` object, skipping unknown fields.
    public static func decode(from reader: inout JSONReader) throws(JSONError) -> Self {
        var value = Self()
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "id": value.id = try reader.text()
            case "name": value.name = try reader.text()
            case "created": value.created = try reader.text()
            case "account": value.account = try reader.text()
            default: try reader.skip()
            }
        }
        return value
    }

    /// The wire names this model reads, for table tests against listApis.json.
    package static let wireFieldNames: [String] = ["account", "created", "id", "name"]
}
