/// An `http(s)` redirect URI split as RFC 3986 §3 does (scheme, userinfo, host, port, path and query,
/// fragment), reading only a strict subset: printable ASCII, a registered name or an IP literal for the host,
/// no percent-encoding in the authority. Anything else does not parse, so a browser and this parser can
/// never disagree about which host a code is sent to (`http://localhost:1@evil.example/` is `evil.example`
/// to a browser; here it has userinfo and is refused by `RedirectPolicy`).
struct RedirectURI: Sendable, Equatable {
    /// `http` or `https`, lower case as written.
    let scheme: String
    /// What came before an `@` in the authority, if anything (never allowed in a redirect).
    let userinfo: String?
    /// The host as written: a name (letters, digits, `-`, `.`) or a bracketed IPv6 literal.
    let host: String
    /// The port, when one is written (1 to 65535).
    let port: Int?
    /// The path and query, from the first `/` or `?` after the authority (may be empty).
    let pathAndQuery: String
    /// What followed a `#`, if anything (RFC 6749 §3.1.2: a redirect URI must not have one).
    let fragment: String?

    /// The longest URI read: a redirect URI is also echoed in the `Location` header.
    static let maximumLength = 2048

    init?(_ text: String) {
        let bytes = Array(text.utf8)
        // Printable ASCII, no backslash: WHATWG URL parsers read `\` as `/` in http(s) URLs, RFC 3986 does not.
        guard bytes.count <= Self.maximumLength, bytes.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\\") }) else {
            return nil
        }
        let schemeEnd: Int
        if Self.startsWith(bytes, "http://") {
            scheme = "http"
            schemeEnd = 7
        } else if Self.startsWith(bytes, "https://") {
            scheme = "https"
            schemeEnd = 8
        } else {
            return nil
        }
        var rest = bytes[schemeEnd...]
        if let hash = rest.firstIndex(of: UInt8(ascii: "#")) {
            fragment = String(decoding: rest[(hash + 1)...], as: UTF8.self)
            rest = rest[..<hash]
        } else {
            fragment = nil
        }
        let authorityEnd = rest.firstIndex { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") } ?? rest.endIndex
        pathAndQuery = String(decoding: rest[authorityEnd...], as: UTF8.self)
        guard pathAndQuery.utf8.allSatisfy(Self.isPathOrQuery) else { return nil }
        var authority = rest[..<authorityEnd]
        // RFC 3986 §3.2: the userinfo ends at the last "@" of the authority (browsers agree).
        if let at = authority.lastIndex(of: UInt8(ascii: "@")) {
            userinfo = String(decoding: authority[..<at], as: UTF8.self)
            authority = authority[(at + 1)...]
        } else {
            userinfo = nil
        }
        let portText: ArraySlice<UInt8>?
        if authority.first == UInt8(ascii: "[") {
            guard let close = authority.firstIndex(of: UInt8(ascii: "]")) else { return nil }
            let literal = authority[(authority.startIndex + 1)..<close]
            guard !literal.isEmpty, literal.allSatisfy(Self.isIPv6Literal) else { return nil }
            host = String(decoding: authority[...close], as: UTF8.self)
            let after = authority[(close + 1)...]
            if after.isEmpty {
                portText = nil
            } else {
                guard after.first == UInt8(ascii: ":") else { return nil }
                portText = after.dropFirst()
            }
        } else {
            let colon = authority.firstIndex(of: UInt8(ascii: ":"))
            let name = authority[..<(colon ?? authority.endIndex)]
            guard !name.isEmpty, name.allSatisfy(Self.isHostName) else { return nil }
            host = String(decoding: name, as: UTF8.self)
            portText = colon.map { authority[($0 + 1)...] }
        }
        if let portText {
            // At most five digits, so the value cannot overflow; 0 is not a port a browser connects to.
            guard (1...5).contains(portText.count), portText.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
                return nil
            }
            let value = portText.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
            guard (1...65_535).contains(value) else { return nil }
            port = value
        } else {
            port = nil
        }
    }

    private static func startsWith(_ bytes: [UInt8], _ prefix: String) -> Bool {
        bytes.starts(with: prefix.utf8)
    }

    /// RFC 3986 reg-name without percent-encoding or sub-delims: what DNS names and IPv4 addresses use.
    private static func isHostName(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
    }

    /// Hex digits, `:` and `.` (an IPv4 tail): no zone identifiers (`%25eth0`).
    private static func isIPv6Literal(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "f"))
            || byte == UInt8(ascii: ":") || byte == UInt8(ascii: ".")
    }

    /// RFC 3986 pchar plus `/` and `?` (unreserved, sub-delims, `:`, `@`, `%`).
    private static func isPathOrQuery(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || Array("-._~!$&'()*+,;=:@%/?".utf8).contains(byte)
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
    }
}
