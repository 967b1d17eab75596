import Pipeline

/// `application/x-www-form-urlencoded` fields (bodies and query strings), percent- and `+`-decoded.
struct FormFields: Sendable {
    private(set) var pairs: [(name: String, value: String)] = []

    /// Parses `a=1&b=x+y`; malformed escapes are kept literally rather than failing.
    init<C: Collection<UInt8>>(_ bytes: C) {
        for field in bytes.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            if let eq = field.firstIndex(of: UInt8(ascii: "=")) {
                pairs.append((Self.decode(field[field.startIndex..<eq]), Self.decode(field[field.index(after: eq)...])))
            } else {
                pairs.append((Self.decode(field[...]), ""))
            }
        }
    }

    /// Adds a field after the parsed ones.
    mutating func append(_ pair: (name: String, value: String)) { pairs.append(pair) }

    /// The first value of `name`.
    subscript(name: String) -> String? { pairs.first { $0.name == name }?.value }

    /// Percent-decodes, turning `+` into a space and keeping malformed escapes (the shared `PercentDecoding`).
    static func decode<C: Collection<UInt8>>(_ bytes: C) -> String { PercentDecoding.decodeLeniently(bytes) }

    /// Percent-encodes for a query value (RFC 3986 unreserved characters stay).
    static func encode(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            if (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "~")
            {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let digits = Array("0123456789ABCDEF".unicodeScalars)
                out.unicodeScalars.append("%")
                out.unicodeScalars.append(digits[Int(byte >> 4)])
                out.unicodeScalars.append(digits[Int(byte & 0xF)])
            }
        }
        return out
    }
}
