/// A byte-level pull reader for JSON: no tree, no Foundation, one pass straight into typed models.
///
/// Foundation's `JSONDecoder` costs several times the per-request budget
/// (`docs/notes/hot-path-costs.md`). Callers walk the input themselves:
/// ```
/// try reader.beginObject()
/// while let key = try reader.nextKey() {
///     switch key {
///     case "id": id = try reader.string()
///     default: try reader.skip()
///     }
/// }
/// ```
/// Every method either consumes exactly one token or value, or throws `JSONError`; malformed
/// input never traps. A reader views bytes owned by `read(_:maxDepth:_:)` and must not escape it.
public struct JSONReader {
    @usableFromInline let bytes: UnsafeBufferPointer<UInt8>
    @usableFromInline var index: Int
    @usableFromInline var depth: Int
    @usableFromInline let maxDepth: Int
    /// Set by `beginObject`/`beginArray`: the next member or element is the first, so no comma.
    @usableFromInline var expectFirst: Bool
    /// Long strings made so far, shared when their bytes repeat; owned by `read`, which outlives the
    /// reader (unmanaged, so copying a reader stays free of reference counting).
    @usableFromInline let strings: Unmanaged<JSONStringTable>?

    @usableFromInline init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int, strings: Unmanaged<JSONStringTable>? = nil) {
        self.bytes = bytes
        self.index = 0
        self.depth = 0
        self.maxDepth = maxDepth
        self.expectFirst = false
        self.strings = strings
    }

    /// Runs `body` with a reader over `input`; `maxDepth` bounds object/array nesting.
    @inlinable
    public static func read<T>(
        _ input: [UInt8], maxDepth: Int = 64, _ body: (inout JSONReader) throws(JSONError) -> T
    ) throws(JSONError) -> T {
        let table = JSONStringTable()
        let result: Result<T, JSONError> = withExtendedLifetime(table) {
            input.withUnsafeBufferPointer { buffer in
                var reader = JSONReader(bytes: buffer, maxDepth: maxDepth, strings: Unmanaged.passUnretained(table))
                do throws(JSONError) {
                    return .success(try body(&reader))
                } catch {
                    return .failure(error)
                }
            }
        }
        return try result.get()
    }

    /// The byte offset of the next unread byte.
    public var offset: Int { index }

    /// Checks that only whitespace follows the value just read.
    public mutating func finish() throws(JSONError) {
        skipWhitespace()
        if index < bytes.count { throw JSONError(.trailingContent, at: index) }
    }

    // MARK: Containers

    /// Consumes `{`.
    @inlinable
    public mutating func beginObject() throws(JSONError) {
        try open(UInt8(ascii: "{"), .object)
    }

    /// Consumes `[`.
    @inlinable
    public mutating func beginArray() throws(JSONError) {
        try open(UInt8(ascii: "["), .array)
    }

    @inlinable
    mutating func open(_ byte: UInt8, _ kind: JSONKind) throws(JSONError) {
        let found = try peekByte()
        guard found == byte else { throw mismatch(kind, found) }
        depth += 1
        if depth > maxDepth { throw JSONError(.tooDeep, at: index) }
        index += 1
        expectFirst = true
    }

    /// The next member name of the open object, positioned before its value; `nil` after `}`.
    ///
    /// Always inlined into the models' decoders: it runs once per member, and a call per member cost
    /// more than the work it does.
    @inlinable @inline(__always)
    public mutating func nextKey() throws(JSONError) -> JSONKey? {
        var byte = try peekByte()
        if expectFirst {
            expectFirst = false
        } else if byte == UInt8(ascii: ",") {
            index += 1
            byte = try peekByte()
            guard byte == UInt8(ascii: "\"") else { throw JSONError(.unexpectedByte(byte), at: index) }
        } else if byte != UInt8(ascii: "}") {
            throw JSONError(.unexpectedByte(byte), at: index)
        }
        if byte == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return nil
        }
        guard byte == UInt8(ascii: "\"") else { throw JSONError(.unexpectedByte(byte), at: index) }
        let key = try readKey()
        let colon = try peekByte()
        guard colon == UInt8(ascii: ":") else { throw JSONError(.unexpectedByte(colon), at: index) }
        index += 1
        return key
    }

    /// Whether the open array has another element (positioned before it); `false` after `]`.
    @inlinable
    public mutating func nextElement() throws(JSONError) -> Bool {
        let byte = try peekByte()
        if expectFirst {
            expectFirst = false
        } else if byte == UInt8(ascii: ",") {
            index += 1
            return true
        } else if byte != UInt8(ascii: "]") {
            throw JSONError(.unexpectedByte(byte), at: index)
        }
        if byte == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return false
        }
        return true
    }

    /// Reads a key string at `"`; escapes are rare in names, so only then does it allocate.
    @inlinable @inline(__always)
    mutating func readKey() throws(JSONError) -> JSONKey {
        let start = index + 1
        let i = findQuoteOrBackslash(from: start)
        guard i < bytes.count else {
            index = i
            throw JSONError(.unexpectedEnd, at: i)
        }
        if bytes[i] == UInt8(ascii: "\"") {
            index = i + 1
            // `start...i` is inside `bytes`, so the unchecked slice is safe.
            return JSONKey(raw: UnsafeBufferPointer(start: bytes.baseAddress.map { $0 + start }, count: i - start), hasEscapes: false)
        }
        // Validates the escapes and moves past the closing quote; the key keeps the escaped bytes.
        _ = try readEscapedString()
        return JSONKey(raw: UnsafeBufferPointer(start: bytes.baseAddress.map { $0 + start }, count: index - 1 - start), hasEscapes: true)
    }

    // MARK: Peeking and skipping

    /// Whether the next value is a string (its opening quote), without consuming it.
    @inlinable @inline(__always)
    public mutating func peekString() throws(JSONError) -> Bool {
        try peekByte() == UInt8(ascii: "\"")
    }

    /// The kind of the next value, without consuming it.
    @inlinable @inline(__always)
    public mutating func nextKind() throws(JSONError) -> JSONKind {
        let byte = try peekByte()
        switch byte {
        case UInt8(ascii: "{"): return .object
        case UInt8(ascii: "["): return .array
        case UInt8(ascii: "\""): return .string
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool
        case UInt8(ascii: "n"): return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number
        default: throw JSONError(.unexpectedByte(byte), at: index)
        }
    }

    /// Skips whitespace and returns the next byte without consuming it.
    @inlinable @inline(__always)
    mutating func peekByte() throws(JSONError) -> UInt8 {
        // CloudStack's JSON is compact: the next byte is almost never whitespace.
        if index < bytes.count {
            let byte = bytes[index]
            if byte > UInt8(ascii: " ") { return byte }
        }
        skipWhitespace()
        guard index < bytes.count else { throw JSONError(.unexpectedEnd, at: index) }
        return bytes[index]
    }

    @inlinable
    mutating func skipWhitespace() {
        // A local cursor keeps the loop in registers instead of storing through `self` per byte.
        var i = index
        let end = bytes.count
        while i < end {
            let b = bytes[i]
            if b == UInt8(ascii: " ") || b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r") || b == UInt8(ascii: "\t") {
                i += 1
            } else {
                break
            }
        }
        index = i
    }

    /// Skips one whole value of any kind, checking its syntax and nesting depth.
    public mutating func skip() throws(JSONError) {
        switch try nextKind() {
        case .object:
            try beginObject()
            while try nextKey() != nil { try skip() }
        case .array:
            try beginArray()
            while try nextElement() { try skip() }
        case .string:
            try skipString()
        case .number:
            _ = try scanNumber()
        case .bool:
            _ = try bool()
        case .null:
            try literal("null")
        }
    }

    /// The exact bytes of the next value (validated), e.g. to keep an async job's `jobresult`.
    public mutating func rawValue() throws(JSONError) -> [UInt8] {
        skipWhitespace()
        let start = index
        try skip()
        return Array(bytes[start..<index])
    }

    @usableFromInline
    func mismatch(_ expected: JSONKind, _ byte: UInt8) -> JSONError {
        let found: JSONKind
        switch byte {
        case UInt8(ascii: "{"): found = .object
        case UInt8(ascii: "["): found = .array
        case UInt8(ascii: "\""): found = .string
        case UInt8(ascii: "t"), UInt8(ascii: "f"): found = .bool
        case UInt8(ascii: "n"): found = .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): found = .number
        default: return JSONError(.unexpectedByte(byte), at: index)
        }
        return JSONError(.typeMismatch(expected: expected, found: found), at: index)
    }
}
