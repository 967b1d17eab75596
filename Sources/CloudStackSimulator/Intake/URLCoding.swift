/// `java.net.URLEncoder` semantics, as CloudStack's `verifyRequest` uses them (decoding is `PercentDecoding`).
enum URLCoding {
    /// `URLEncoder.encode(s, "UTF-8").replaceAll("\\+", "%20")`: `A-Z a-z 0-9 . - * _` unchanged,
    /// space `%20`, every other UTF-8 byte `%XX` (upper-case hex; the caller lower-cases later).
    static func javaEncode(_ value: String, into out: inout [UInt8]) {
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "_"):
                out.append(byte)
            case UInt8(ascii: " "):
                out.append(contentsOf: [UInt8(ascii: "%"), UInt8(ascii: "2"), UInt8(ascii: "0")])
            default:
                out.append(UInt8(ascii: "%"))
                out.append(upperHex[Int(byte >> 4)])
                out.append(upperHex[Int(byte & 0x0F)])
            }
        }
    }

    private static let upperHex: [UInt8] = Array("0123456789ABCDEF".utf8)
}
