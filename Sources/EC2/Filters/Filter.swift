/// One `Filter.N` of a Describe request: `Filter.N.Name` and its `Filter.N.Value.M` values.
public struct Filter: Decodable, Sendable, Equatable {
    /// The filter name, verbatim (`instance-state-name`, `tag:Owner`).
    public let name: String
    /// The values, in index order; a filter matches if any value matches.
    public let values: [String]

    enum CodingKeys: String, CodingKey {
        case name = "Name"
        case values = "Value"
    }

    /// Creates a filter.
    public init(name: String, values: [String]) {
        self.name = name
        self.values = values
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        values = try container.decodeIfPresent([String].self, forKey: .values) ?? []
    }
}
