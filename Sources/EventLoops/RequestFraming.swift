import Pipeline

/// Refuses request heads whose framing two HTTP parsers could read differently (RFC 9112 section 6.3,
/// request smuggling), before evhttp's leniency decides what the bytes mean.
///
/// evhttp 2.1 takes the first of two `Content-Length` fields, accepts `+41`, keeps a name with a
/// space before the colon as a different field (so `Transfer-Encoding : chunked` is not chunked to
/// it), and needs no `Host`. A proxy in front may read each of these the other way.
enum RequestFraming {
    /// Why a head is refused; nil when its framing is unambiguous.
    static func violation(_ headers: Headers) -> String? {
        var lengths: [String] = []
        var encodings = 0
        var encoding = ""
        var hosts = 0
        for field in headers {
            guard isToken(field.name) else { return "header name \"\(printable(field.name))\" is not a token" }
            switch field.name.lowercased() {
            case "content-length": lengths.append(field.value)
            case "transfer-encoding":
                encodings += 1
                encoding = field.value
            case "host": hosts += 1
            default: break
            }
        }
        if hosts == 0 { return "no Host header" }
        if hosts > 1 { return "more than one Host header" }
        for length in lengths where !isDigits(length) { return "Content-Length \"\(printable(length))\" is not a number" }
        if Set(lengths).count > 1 { return "Content-Length fields disagree" }
        if encodings > 1 { return "more than one Transfer-Encoding header" }
        if encodings == 1 {
            if !lengths.isEmpty { return "both Content-Length and Transfer-Encoding" }
            // evhttp decodes only `chunked`; anything else would leave the body's end to guesswork.
            if encoding.lowercased() != "chunked" { return "Transfer-Encoding \"\(printable(encoding))\" is not chunked" }
        }
        return nil
    }

    /// RFC 9110 section 5.6.2: `tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." /
    /// "^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA`.
    static func isToken(_ name: String) -> Bool {
        guard !name.utf8.isEmpty else { return false }
        for byte in name.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                continue
            case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"), UInt8(ascii: "'"),
                UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "^"), UInt8(ascii: "_"),
                UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "~"):
                continue
            default:
                return false
            }
        }
        return true
    }

    /// `Content-Length = 1*DIGIT` (RFC 9110 section 8.6): no sign, no list, no spaces.
    static func isDigits(_ value: String) -> Bool {
        !value.utf8.isEmpty && value.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    /// At most 64 printable ASCII characters of a peer's text, for an error message.
    static func printable(_ text: String) -> String {
        String(decoding: text.utf8.prefix(64).map { $0 >= 0x20 && $0 < 0x7F ? $0 : UInt8(ascii: "?") }, as: UTF8.self)
    }
}
