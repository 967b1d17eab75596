/// Decodes EC2 Query parameters into an action's `Decodable` input whose coding keys are the wire names.
///
/// The Query protocol's rules live here once for every action: `Name.N` lists (1-based, any order,
/// gaps tolerated), nested `Name.N.Sub`, `Filter.N.Name`/`Filter.N.Value.M`, `true`/`false`
/// booleans, range-checked integers. A missing required member is `MissingParameter` with EC2's
/// message, a malformed value `InvalidParameterValue` naming the parameter; unknown parameters are
/// ignored, as EC2 ignores them.
public struct QueryDecoder: Sendable {
    /// Creates a decoder.
    public init() {}

    /// Decodes `T` from the request's parameters; throws `EC2Error`.
    public func decode<T: Decodable>(_ type: T.Type, from parameters: QueryParameters) throws -> T {
        try decode(type, from: parameters.fields)
    }

    /// Decodes `T` from flat `(name, value)` pairs; throws `EC2Error`.
    public func decode<T: Decodable>(_ type: T.Type, from fields: [(name: String, value: String)]) throws -> T {
        try T(from: NodeDecoder(node: try QueryNode.tree(fields), codingPath: []))
    }
}
