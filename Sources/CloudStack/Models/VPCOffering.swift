// Generated from listApis.json (CloudStack 4.18) by the field list in docs/cloudstack-client.md; wire names verbatim.
public import JSON

/// A VPC offering (`vpcoffering` in listVPCOfferings).
public struct VPCOffering: CloudStackDecodable, Equatable {
    /// `id`: the id of the vpc offering
    public var id: String?
    /// `name`: the name of the vpc offering
    public var name: String?
    /// `state`: state of the vpc offering. Can be Disabled/Enabled
    public var state: String?

    /// Creates a value with every field absent.
    public init() {}
}

extension VPCOffering {
    /// Decodes one `VPCOffering` object, skipping unknown fields.
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
                case "state": value.state = try reader.text()
                default: try reader.skip()
                }
            default: try reader.skip()
            }
        }
    }

    /// The wire names this model reads, for table tests against listApis.json.
    package static let wireFieldNames: [String] = [
        "id", "name", "state",
    ]
}
