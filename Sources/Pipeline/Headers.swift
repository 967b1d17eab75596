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

    /// Reserves room for `count` fields in all.
    public mutating func reserveCapacity(_ count: Int) {
        fields.reserveCapacity(count)
    }

    /// Replaces every field of this name with one field.
    public mutating func set(_ name: String, _ value: String) {
        fields.removeAll { Headers.sameName($0.name, name) }
        fields.append((name, value))
    }

    /// Field names compare ignoring ASCII case (RFC 9110 §5.1), byte by byte over the strings'
    /// contiguous UTF-8: lookups run several times per request; `lowercased()` allocated two strings
    /// each time and a zipped iteration of the UTF-8 views cost more than the rest of the lookup.
    static func sameName(_ a: String, _ b: String) -> Bool {
        var a = a
        var b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                guard x.count == y.count else { return false }
                for index in 0..<x.count where x[index] != y[index] {
                    if x[index] | 0x20 != y[index] | 0x20 { return false }
                    let folded = x[index] | 0x20
                    if folded < 0x61 || folded > 0x7A { return false }
                }
                return true
            }
        }
    }

    /// Whether no field is present.
    public var isEmpty: Bool { fields.isEmpty }

    public func makeIterator() -> IndexingIterator<[(name: String, value: String)]> {
        fields.makeIterator()
    }
}
