/// Keyed access to a node's children by wire name.
///
/// A member decoded with `decode` is required: absent, or given with an empty value (`KeyName=`),
/// it is `MissingParameter`, as EC2 answers both. `decodeIfPresent` (optional members) takes the
/// empty value as given.
struct NodeKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let node: QueryNode
    let codingPath: [any CodingKey]
    let reads: ReadNodes

    var allKeys: [Key] { node.children.keys.compactMap { Key(stringValue: $0) } }

    func contains(_ key: Key) -> Bool { node.children[key.stringValue] != nil }

    private func required(_ key: Key) throws -> QueryNode {
        guard let child = node.children[key.stringValue], child.value != "" || !child.children.isEmpty else {
            throw EC2Error.missingParameter(parameterName(codingPath + [key]))
        }
        return child
    }

    private func decoder(_ child: QueryNode, _ key: Key) -> NodeDecoder {
        NodeDecoder(node: child, codingPath: codingPath + [key], reads: reads)
    }

    func decodeNil(forKey key: Key) throws -> Bool { !contains(key) }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try T(from: decoder(try required(key), key))
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let child = node.children[key.stringValue] else { return nil }
        return try T(from: decoder(child, key))
    }

    // The protocol's default `decodeIfPresent` for each scalar type calls `decode`, which would make an
    // optional member's empty value missing; each is routed to the generic one above instead.
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try optional(key) }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try optional(key) }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try optional(key) }
    func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? { try optional(key) }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try optional(key) }
    func decodeIfPresent(_ type: Int8.Type, forKey key: Key) throws -> Int8? { try optional(key) }
    func decodeIfPresent(_ type: Int16.Type, forKey key: Key) throws -> Int16? { try optional(key) }
    func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? { try optional(key) }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try optional(key) }
    func decodeIfPresent(_ type: UInt.Type, forKey key: Key) throws -> UInt? { try optional(key) }
    func decodeIfPresent(_ type: UInt8.Type, forKey key: Key) throws -> UInt8? { try optional(key) }
    func decodeIfPresent(_ type: UInt16.Type, forKey key: Key) throws -> UInt16? { try optional(key) }
    func decodeIfPresent(_ type: UInt32.Type, forKey key: Key) throws -> UInt32? { try optional(key) }
    func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? { try optional(key) }

    private func optional<T: Decodable>(_ key: Key) throws -> T? { try decodeIfPresent(T.self, forKey: key) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        KeyedDecodingContainer(NodeKeyedContainer<NestedKey>(node: try required(key), codingPath: codingPath + [key], reads: reads))
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        NodeUnkeyedContainer(members: try required(key).listMembers, codingPath: codingPath + [key], reads: reads)
    }

    func superDecoder() throws -> any Decoder { NodeDecoder(node: node, codingPath: codingPath, reads: reads) }

    func superDecoder(forKey key: Key) throws -> any Decoder { decoder(try required(key), key) }
}

/// Sequential access to a node's `.N` list members in index order.
struct NodeUnkeyedContainer: UnkeyedDecodingContainer {
    let members: [(index: String, node: QueryNode)]
    let codingPath: [any CodingKey]
    let reads: ReadNodes
    var currentIndex = 0

    init(members: [(index: String, node: QueryNode)], codingPath: [any CodingKey], reads: ReadNodes) {
        self.members = members
        self.codingPath = codingPath
        self.reads = reads
    }

    var count: Int? { members.count }
    var isAtEnd: Bool { currentIndex >= members.count }

    private mutating func next() throws -> (key: IndexKey, node: QueryNode) {
        guard !isAtEnd else {
            throw EC2Error.missingParameter(parameterName(codingPath + [IndexKey(stringValue: String(currentIndex + 1))]))
        }
        let member = members[currentIndex]
        currentIndex += 1
        return (IndexKey(stringValue: member.index), member.node)
    }

    mutating func decodeNil() throws -> Bool { false }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let (key, node) = try next()
        return try T(from: NodeDecoder(node: node, codingPath: codingPath + [key], reads: reads))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let (key, node) = try next()
        return KeyedDecodingContainer(NodeKeyedContainer<NestedKey>(node: node, codingPath: codingPath + [key], reads: reads))
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let (key, node) = try next()
        return NodeUnkeyedContainer(members: node.listMembers, codingPath: codingPath + [key], reads: reads)
    }

    mutating func superDecoder() throws -> any Decoder {
        let (key, node) = try next()
        return NodeDecoder(node: node, codingPath: codingPath + [key], reads: reads)
    }
}

/// A node's own value, parsed by EC2's scalar rules.
struct NodeValueContainer: SingleValueDecodingContainer {
    let node: QueryNode
    let codingPath: [any CodingKey]
    let reads: ReadNodes

    private var name: String { parameterName(codingPath) }

    private func text() throws -> String {
        guard let value = node.value else {
            // `Name.1=x` where a scalar `Name` was expected: present, but not a value.
            throw EC2Error.invalidParameterValue("The parameter \(name) must be a single value")
        }
        reads.insert(node)
        return value
    }

    func decodeNil() -> Bool { node.value == nil && node.children.isEmpty }

    func decode(_ type: String.Type) throws -> String { try text() }

    func decode(_ type: Bool.Type) throws -> Bool {
        let value = try text()
        switch value.lowercased() {
        case "true": return true
        case "false": return false
        default: throw EC2Error.invalidParameterValue(name: name, value: value, expected: "true or false")
        }
    }

    private func integer<I: FixedWidthInteger>(_ type: I.Type) throws -> I {
        let value = try text()
        guard let number = I(value) else {
            throw EC2Error.invalidParameterValue(name: name, value: value, expected: "an integer from \(I.min) to \(I.max)")
        }
        return number
    }

    func decode(_ type: Int.Type) throws -> Int { try integer(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try integer(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try integer(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try integer(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try integer(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try integer(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(type) }

    func decode(_ type: Double.Type) throws -> Double {
        let value = try text()
        guard let number = Double(value), number.isFinite else {
            throw EC2Error.invalidParameterValue(name: name, value: value, expected: "a number")
        }
        return number
    }

    func decode(_ type: Float.Type) throws -> Float { Float(try decode(Double.self)) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try T(from: NodeDecoder(node: node, codingPath: codingPath, reads: reads))
    }
}
