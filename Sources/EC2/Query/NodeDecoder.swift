/// A `Swift.Decoder` positioned at one node of the parameter tree.
struct NodeDecoder: Decoder {
    let node: QueryNode
    let codingPath: [any CodingKey]
    let reads: ReadNodes
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(NodeKeyedContainer<Key>(node: node, codingPath: codingPath, reads: reads))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        NodeUnkeyedContainer(members: node.listMembers, codingPath: codingPath, reads: reads)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        NodeValueContainer(node: node, codingPath: codingPath, reads: reads)
    }
}

/// The wire name of a coding path: keys joined with `.` (`Filter.1.Value.2`).
func parameterName(_ path: [any CodingKey]) -> String {
    path.map(\.stringValue).joined(separator: ".")
}

/// A coding key for list members, named by their wire index.
struct IndexKey: CodingKey {
    let stringValue: String
    var intValue: Int? { Int(stringValue) }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { self.stringValue = String(intValue) }
}
