/// Decodes EC2 Query parameters into an action's `Decodable` input whose coding keys are the wire names.
///
/// The Query protocol's rules live here once for every action: `Name.N` lists (1-based, any order,
/// gaps tolerated), nested `Name.N.Sub`, `Filter.N.Name`/`Filter.N.Value.M`, `true`/`false`
/// booleans, range-checked integers. A missing required member, or one given with an empty value, is
/// `MissingParameter` with EC2's message; a malformed value `InvalidParameterValue` naming the
/// parameter. Every parameter must be read by the input: one left over, at any depth, is
/// `UnknownParameter` naming its full wire name, as EC2 answers (the bridge never drops a member it
/// was sent). The protocol's own parameters (`CommonParameters.protocolNames`: `Action`, `Version`,
/// `DryRun`, the signature members) are read by other phases and are not the input's to read.
public struct QueryDecoder: Sendable {
    /// Creates a decoder.
    public init() {}

    /// Decodes `T` from the request's parameters; throws `EC2Error`.
    public func decode<T: Decodable>(_ type: T.Type, from parameters: QueryParameters) throws -> T {
        try decode(type, from: parameters.fields)
    }

    /// Decodes `T` from flat `(name, value)` pairs; throws `EC2Error`.
    public func decode<T: Decodable>(_ type: T.Type, from fields: [(name: String, value: String)]) throws -> T {
        let root = try QueryNode.tree(fields)
        let reads = ReadNodes()
        let value = try T(from: NodeDecoder(node: root, codingPath: [], reads: reads))
        // Arrival order, so the first stray member on the wire is the one named.
        for field in fields where !CommonParameters.protocolNames.contains(field.name) {
            guard let leaf = root.node(named: field.name), reads.contains(leaf) else {
                throw EC2Error.unknownParameter(XMLSafeName.clip(field.name))
            }
        }
        return value
    }
}
