// Generated from listApis.json (CloudStack 4.18) by the field list in docs/cloudstack-client.md; wire names verbatim.
public import JSON

/// A network offering (`networkoffering` in listNetworkOfferings).
public struct NetworkOffering: CloudStackDecodable, Equatable {
    /// `forvpc`: true if network offering can be used by VPC networks only
    public var forvpc: Bool?
    /// `guestiptype`: guest type of the network offering, can be Shared or Isolated
    public var guestiptype: String?
    /// `id`: the id of the network offering
    public var id: String?
    /// `name`: the name of the network offering
    public var name: String?
    /// `state`: state of the network offering. Can be Disabled/Enabled/Inactive
    public var state: String?

    /// Creates a value with every field absent.
    public init() {}
}

extension NetworkOffering {
    /// Decodes one `NetworkOffering` object, skipping unknown fields.
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
            case 6:
                switch key {
                case "forvpc": value.forvpc = try reader.flag()
                default: try reader.skip()
                }
            case 11:
                switch key {
                case "guestiptype": value.guestiptype = try reader.text()
                default: try reader.skip()
                }
            default: try reader.skip()
            }
        }
    }

    /// The wire names this model reads, for table tests against listApis.json.
    package static let wireFieldNames: [String] = [
        "forvpc", "guestiptype", "id", "name", "state",
    ]
}
