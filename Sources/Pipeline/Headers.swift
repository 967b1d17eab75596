/// An ordered list of HTTP header fields; lookups ignore the case of the name.
public struct Headers: Sendable, Sequence {
    /// The fields in the order they were received or added.
    public private(set) var fields: [(name: String, value: String)]

    /// Creates a header list from name/value pairs.
    public init(_ fields: [(name: String, value: String)] = []) {
        self.fields = fields
    }

    /// The first value of the named field, if present.
    public subscript(name: String) -> String? {
        for field in fields where Headers.sameName(field.name, name) {
            return field.value
        }
        return nil
    }

    /// Every value of the named field, in order.
    public func values(_ name: String) -> [String] {
        fields.filter { Headers.sameName($0.name, name) }.map(\.value)
    }

    /// Appends a field, keeping any existing field of the same name.
    public mutating func add(_ name: String, _ value: String) {
        fields.append((name, value))
    }

    /// Replaces every field of this name with one field.
    public mutating func set(_ name: String, _ value: String) {
        fields.removeAll { Headers.sameName($0.name, name) }
        fields.append((name, value))
    }

    /// Field names compare ignoring ASCII case (RFC 9110 §5.1), byte by byte: lookups run several
    /// times per request, and `lowercased()` allocated two strings each time.
    static func sameName(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        for (x, y) in zip(a.utf8, b.utf8) where x != y {
            let foldedX = x >= 0x41 && x <= 0x5A ? x | 0x20 : x
            let foldedY = y >= 0x41 && y <= 0x5A ? y | 0x20 : y
            if foldedX != foldedY { return false }
        }
        return true
    }

    /// Whether no field is present.
    public var isEmpty: Bool { fields.isEmpty }

    public func makeIterator() -> IndexingIterator<[(name: String, value: String)]> {
        fields.makeIterator()
    }
}
