/// Percent-decoding of form and query fields, and RFC 3986 encoding for signatures.
public enum PercentEncoding {
    /// Decodes one `application/x-www-form-urlencoded` field: `%XY` escapes and `+` as space.
    ///
    /// `+` means space in both the query and the form body: EC2's Query protocol is form encoding
    /// (AWS SigV2 docs: parameters "can come from the GET URI or from the POST body"), and every
    /// AWS SDK sends a literal plus as `%2B` (botocore `percent_encode` uses `quote(safe='-_.~')`).
    /// Returns `nil` for a bad escape or bytes that are not UTF-8.
    public static func decodeFormField<C: Collection<UInt8>>(_ raw: C) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var index = raw.startIndex
        while index != raw.endIndex {
            let byte = raw[index]
            if byte == UInt8(ascii: "%") {
                let hi = raw.index(after: index)
                guard hi != raw.endIndex else { return nil }
                let lo = raw.index(after: hi)
                guard lo != raw.endIndex, let h = hexValue(raw[hi]), let l = hexValue(raw[lo]) else { return nil }
                out.append(h << 4 | l)
                index = raw.index(after: lo)
                continue
            }
            out.append(byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
            index = raw.index(after: index)
        }
        return String(validating: out, as: UTF8.self)
    }

    /// Appends `text` encoded as AWS signatures require: RFC 3986 unreserved characters
    /// (`A-Z a-z 0-9 - _ . ~`) stay, every other byte becomes `%XY` with upper-case hex.
    public static func appendRFC3986(_ text: some StringProtocol, to out: inout [UInt8]) {
        for byte in text.utf8 {
            if isUnreserved(byte) {
                out.append(byte)
            } else {
                out.append(UInt8(ascii: "%"))
                out.append(upperHex[Int(byte >> 4)])
                out.append(upperHex[Int(byte & 0x0F)])
            }
        }
    }

    /// `text` RFC 3986 encoded, as a string.
    public static func rfc3986(_ text: some StringProtocol) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        appendRFC3986(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private static let upperHex: [UInt8] = Array("0123456789ABCDEF".utf8)

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"),
            UInt8(ascii: "."), UInt8(ascii: "~"):
            true
        default: false
        }
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
