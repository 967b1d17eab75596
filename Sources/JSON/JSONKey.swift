/// A member name read by `JSONReader`: a view of the input bytes, compared without allocating.
///
/// Valid only while the reader's input is alive; copy it with `string` to keep it.
/// Match it against literals in a `switch` (`case "id":`), which compares bytes.
public struct JSONKey {
    /// The raw bytes between the quotes when the name has no escapes.
    @usableFromInline let raw: UnsafeBufferPointer<UInt8>
    /// The unescaped bytes when the name had backslash escapes (rare; allocated only then).
    @usableFromInline let unescaped: [UInt8]?

    @inlinable init(raw: UnsafeBufferPointer<UInt8>, unescaped: [UInt8]?) {
        self.raw = raw
        self.unescaped = unescaped
    }

    /// The number of bytes in the (unescaped) name.
    @inlinable public var byteCount: Int { unescaped?.count ?? raw.count }

    /// The name as a `String` (allocates).
    public var string: String {
        if let unescaped { return String(decoding: unescaped, as: UTF8.self) }
        return String(decoding: raw, as: UTF8.self)
    }

    /// Whether the name's bytes equal `literal`'s UTF-8 bytes.
    @inlinable public func equals(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        if let unescaped {
            guard unescaped.count == count else { return false }
            return literal.withUTF8Buffer { $0.elementsEqual(unescaped) }
        }
        guard raw.count == count else { return false }
        // withUTF8Buffer, not utf8Start: a one-character literal is stored as a scalar, not a pointer.
        return literal.withUTF8Buffer { literalBytes in
            var i = 0
            while i < count {
                if raw[i] != literalBytes[i] { return false }
                i += 1
            }
            return true
        }
    }

    /// Pattern match for `switch key { case "name": ... }`.
    @inlinable public static func ~= (pattern: StaticString, key: JSONKey) -> Bool {
        key.equals(pattern)
    }

    /// Compares with a run-time name.
    public func matches(_ name: String) -> Bool {
        if let unescaped { return name.utf8.elementsEqual(unescaped) }
        return name.utf8.elementsEqual(raw)
    }
}
