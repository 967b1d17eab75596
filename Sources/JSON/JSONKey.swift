/// A member name read by `JSONReader`: a view of the input bytes, compared without allocating.
///
/// Valid only while the reader's input is alive; copy it with `string` to keep it.
/// Match it against literals in a `switch` (`case "id":`), which compares bytes.
///
/// A trivial value (a pointer, a length and a flag): no reference counting per key. A name with
/// backslash escapes (which CloudStack never sends) keeps its escaped bytes and is unescaped on
/// demand, on a slow path.
public struct JSONKey {
    /// The bytes between the quotes, still escaped when `hasEscapes`.
    @usableFromInline let raw: UnsafeBufferPointer<UInt8>
    /// Whether `raw` contains backslash escapes (already validated by the reader).
    @usableFromInline let hasEscapes: Bool

    @inlinable init(raw: UnsafeBufferPointer<UInt8>, hasEscapes: Bool) {
        self.raw = raw
        self.hasEscapes = hasEscapes
    }

    /// The number of bytes in the (unescaped) name.
    @inlinable public var byteCount: Int { hasEscapes ? unescaped().count : raw.count }

    /// The name as a `String` (allocates).
    public var string: String {
        String(decoding: hasEscapes ? unescaped() : Array(raw), as: UTF8.self)
    }

    /// Whether the name's bytes equal `literal`'s UTF-8 bytes.
    ///
    /// Always inlined: a model's decoder switches over dozens of literal names, and once inlined each
    /// comparison folds to a length check and a few compares against immediates instead of a call.
    @inlinable @inline(__always) public func equals(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        if hasEscapes {
            return literal.withUTF8Buffer { $0.elementsEqual(unescaped()) }
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
    @inlinable @inline(__always) public static func ~= (pattern: StaticString, key: JSONKey) -> Bool {
        key.equals(pattern)
    }

    /// Compares with a run-time name.
    public func matches(_ name: String) -> Bool {
        if hasEscapes { return name.utf8.elementsEqual(unescaped()) }
        return name.utf8.elementsEqual(raw)
    }

    /// The unescaped name (slow path: escaped names only).
    @usableFromInline func unescaped() -> [UInt8] {
        guard hasEscapes else { return Array(raw) }
        // The reader validated these escapes when it read the key, so this cannot fail; the quotes
        // around `raw` are part of the input, which makes it a complete string token.
        guard let base = raw.baseAddress else { return [] }
        var reader = JSONReader(bytes: UnsafeBufferPointer(start: base - 1, count: raw.count + 2), maxDepth: 1)
        return (try? reader.readEscapedString()) ?? []
    }
}
