/// Why `JSONReader` rejected its input; `offset` is the byte index where reading stopped.
public struct JSONError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kinds of failure.
    public enum Kind: Sendable, Equatable {
        /// The input ended inside a value.
        case unexpectedEnd
        /// A byte that cannot start or continue the expected token.
        case unexpectedByte(UInt8)
        /// A backslash escape that JSON does not define, or bad `\u` hex digits.
        case invalidEscape
        /// A number that does not follow the JSON grammar.
        case invalidNumber
        /// An integer that does not fit `Int64`.
        case numberOutOfRange
        /// A value of another kind than the caller asked for.
        case typeMismatch(expected: JSONKind, found: JSONKind)
        /// Objects and arrays nested deeper than the reader's limit.
        case tooDeep
        /// Non-whitespace bytes after the top-level value.
        case trailingContent
    }

    /// What went wrong.
    public var kind: Kind
    /// The byte offset in the input.
    public var offset: Int

    /// Creates an error value.
    public init(_ kind: Kind, at offset: Int) {
        self.kind = kind
        self.offset = offset
    }

    /// A short English description with the offset.
    public var description: String {
        let what: String
        switch kind {
        case .unexpectedEnd: what = "unexpected end of input"
        case .unexpectedByte(let byte): what = "unexpected byte 0x\(String(byte, radix: 16))"
        case .invalidEscape: what = "invalid escape sequence"
        case .invalidNumber: what = "invalid number"
        case .numberOutOfRange: what = "integer out of Int64 range"
        case .typeMismatch(let expected, let found): what = "expected \(expected), found \(found)"
        case .tooDeep: what = "nesting too deep"
        case .trailingContent: what = "content after the JSON value"
        }
        return "JSON: \(what) at byte \(offset)"
    }
}

/// The kind of the next JSON value, as `JSONReader.nextKind` reports it.
public enum JSONKind: Sendable, Equatable {
    /// `{`
    case object
    /// `[`
    case array
    /// `"`
    case string
    /// `-` or a digit
    case number
    /// `true` or `false`
    case bool
    /// `null`
    case null
}
