/// Standard base64 (RFC 4648 §4, `=` padding, no line breaks) and the URL-safe variant (§5).
public enum Base64 {
    private static let standard: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    private static let urlSafe: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    /// Encodes bytes; `urlSafe` switches alphabets, `padding` controls trailing `=`.
    public static func encode<C: Collection<UInt8>>(_ bytes: C, urlSafe: Bool = false, padding: Bool = true) -> String {
        // Called across modules this generic is not specialised: work on contiguous bytes, written
        // once into the result, rather than iterating the collection through its witnesses.
        if let encoded = bytes.withContiguousStorageIfAvailable({ encode(buffer: $0, urlSafe: urlSafe, padding: padding) }) {
            return encoded
        }
        return Array(bytes).withUnsafeBufferPointer { encode(buffer: $0, urlSafe: urlSafe, padding: padding) }
    }

    private static func encode(buffer: UnsafeBufferPointer<UInt8>, urlSafe: Bool, padding: Bool) -> String {
        let full = buffer.count / 3
        let rest = buffer.count % 3
        let length = full * 4 + (rest == 0 ? 0 : padding ? 4 : rest + 1)
        return (urlSafe ? Base64.urlSafe : Base64.standard).withUnsafeBufferPointer { table in
            String(unsafeUninitializedCapacity: length) { out in
                var i = 0
                var o = 0
                for _ in 0..<full {
                    let b0 = buffer[i], b1 = buffer[i + 1], b2 = buffer[i + 2]
                    out[o] = table[Int(b0 >> 2)]
                    out[o + 1] = table[Int((b0 & 0x03) << 4 | b1 >> 4)]
                    out[o + 2] = table[Int((b1 & 0x0F) << 2 | b2 >> 6)]
                    out[o + 3] = table[Int(b2 & 0x3F)]
                    i += 3
                    o += 4
                }
                if rest > 0 {
                    let b0 = buffer[i]
                    let b1: UInt8 = rest == 2 ? buffer[i + 1] : 0
                    out[o] = table[Int(b0 >> 2)]
                    out[o + 1] = table[Int((b0 & 0x03) << 4 | b1 >> 4)]
                    o += 2
                    if rest == 2 {
                        out[o] = table[Int((b1 & 0x0F) << 2)]
                        o += 1
                    }
                    if padding {
                        while o < length {
                            out[o] = UInt8(ascii: "=")
                            o += 1
                        }
                    }
                }
                return o
            }
        }
    }

    /// Decodes either alphabet, with or without padding; `nil` for anything malformed.
    public static func decode(_ text: some StringProtocol) -> [UInt8]? {
        // As for `encode`: read the UTF-8 in place instead of through an unspecialised generic view.
        var text = String(text)
        return text.withUTF8 { decode(utf8: $0) }
    }

    private static func decode(utf8 bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var values: [UInt8] = []
        values.reserveCapacity(bytes.count)
        var padding = 0
        for byte in bytes {
            let value: UInt8
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): value = byte - UInt8(ascii: "A")
            case UInt8(ascii: "a")...UInt8(ascii: "z"): value = byte - UInt8(ascii: "a") + 26
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = byte - UInt8(ascii: "0") + 52
            case UInt8(ascii: "+"), UInt8(ascii: "-"): value = 62
            case UInt8(ascii: "/"), UInt8(ascii: "_"): value = 63
            case UInt8(ascii: "="):
                padding += 1
                continue
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                continue
            default: return nil
            }
            if padding > 0 { return nil }
            values.append(value)
        }
        if padding > 2 || values.count % 4 == 1 { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(values.count * 3 / 4)
        var i = 0
        while i + 4 <= values.count {
            out.append(values[i] << 2 | values[i + 1] >> 4)
            out.append(values[i + 1] << 4 | values[i + 2] >> 2)
            out.append(values[i + 2] << 6 | values[i + 3])
            i += 4
        }
        let rest = values.count - i
        if rest >= 2 { out.append(values[i] << 2 | values[i + 1] >> 4) }
        if rest == 3 { out.append(values[i + 1] << 4 | values[i + 2] >> 2) }
        return out
    }
}
