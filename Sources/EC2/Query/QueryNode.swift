/// The EC2 Query parameters as a tree: `Filter.1.Value.2=x` is `Filter` → `1` → `Value` → `2` = `x`.
final class QueryNode: Sendable {
    let value: String?
    let children: [String: QueryNode]

    init(value: String?, children: [String: QueryNode]) {
        self.value = value
        self.children = children
    }

    /// Most dot-separated parts a parameter name may have. The deepest EC2 Query name has five
    /// (`NetworkInterface.1.PrivateIpAddresses.1.PrivateIpAddress`); building, freezing and freeing the tree
    /// recurse once per part, so `a.a.a...` 30,000 deep must be refused before it is built.
    static let maxDepth = 16

    /// Builds the tree from flat `(name, value)` pairs; a name deeper than `maxDepth` is `InvalidParameterValue`.
    static func tree(_ fields: [(name: String, value: String)]) throws(EC2Error) -> QueryNode {
        let root = Builder()
        for field in fields {
            var node = root
            // Split as UTF-8 bytes: splitting into Characters (grapheme breaking) cost more than
            // building the tree. The separator is ASCII.
            let parts = field.name.utf8.split(
                separator: UInt8(ascii: "."), maxSplits: Self.maxDepth, omittingEmptySubsequences: false)
            guard parts.count <= Self.maxDepth else {
                throw EC2Error.invalidParameterValue(
                    "The parameter \(XMLSafeName.clip(field.name)) has more than \(Self.maxDepth) dot-separated parts")
            }
            for part in parts {
                let key = String(Substring(part))
                if let next = node.children[key] {
                    node = next
                } else {
                    let next = Builder()
                    node.children[key] = next
                    node = next
                }
            }
            node.value = field.value
        }
        return root.freeze()
    }

    /// The node a parameter name built (`Filter.1.Name`), if the tree has it.
    func node(named name: String) -> QueryNode? {
        var node = self
        for part in name.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false) {
            guard let next = node.children[String(Substring(part))] else { return nil }
            node = next
        }
        return node
    }

    /// The list members: children named by non-negative integers, in numeric order (gaps tolerated,
    /// as EC2 does; any order on the wire). EC2 also takes members numbered from 0, as libcloud sends them.
    /// Other children are not list members and are ignored.
    var listMembers: [(index: String, node: QueryNode)] {
        children.compactMap { key, node -> (Int, String, QueryNode)? in
            guard let number = Int(key), number >= 0, key.first != "+" else { return nil }
            return (number, key, node)
        }
        .sorted { $0.0 < $1.0 }
        .map { ($0.1, $0.2) }
    }

    private final class Builder {
        var value: String?
        var children: [String: Builder] = [:]

        func freeze() -> QueryNode {
            QueryNode(value: value, children: children.mapValues { $0.freeze() })
        }
    }
}
