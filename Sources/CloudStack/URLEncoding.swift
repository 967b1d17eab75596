/// Java's `URLEncoder.encode(s, "UTF-8")` with `+` replaced by `%20`, as the management server signs.
///
/// Kept exactly: `A-Z a-z 0-9 . - * _` stay, everything else becomes `%XX` of its UTF-8 bytes.
/// Python's `quote` and Go's `QueryEscape` leave `~` raw; the server escapes it (docs/cloudstack-reference.md §1.3).
enum URLEncoding {
    private static let hex: [UInt8] = Array("0123456789ABCDEF".utf8)

    static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "*"),
            UInt8(ascii: "_"):
            true
        default: false
        }
    }

    /// Appends the encoded form of `text` to `out`.
    static func append(_ text: String, to out: inout [UInt8]) {
        for byte in text.utf8 {
            if isUnreserved(byte) {
                out.append(byte)
            } else {
                out.append(UInt8(ascii: "%"))
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0x0F)])
            }
        }
    }

    /// The encoded form of `text`.
    static func encode(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        append(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
