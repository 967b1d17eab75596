/// RFC 3986 encoding for signatures (decoding is `PercentDecoding`, shared with GCE and the simulator).
public enum PercentEncoding {
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
}
