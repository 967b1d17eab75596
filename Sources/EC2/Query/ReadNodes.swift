/// The parameter nodes one decode read a value from: what is left over was not recognised.
///
/// One instance per `QueryDecoder.decode` call, shared by every container of that decode (the
/// `Decoder` protocols hand containers out by value, so the record is a reference).
final class ReadNodes {
    private var nodes: Set<ObjectIdentifier> = []

    /// Records that `node`'s value was decoded.
    func insert(_ node: QueryNode) { nodes.insert(ObjectIdentifier(node)) }

    /// Whether `node`'s value was decoded.
    func contains(_ node: QueryNode) -> Bool { nodes.contains(ObjectIdentifier(node)) }
}
