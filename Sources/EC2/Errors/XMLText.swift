/// Escapes text for XML element content and attribute values: the one escaper templates and error documents use.
///
/// `& < > " '` become entities. XML 1.0 (§2.2, `Char`) cannot carry U+0000–U+001F other than tab, LF and CR,
/// nor U+FFFE and U+FFFF, not even as character references, so those become U+FFFD: a hostile image name or
/// tag value must not make another account's response unparsable. CR is written `&#13;` because parsers turn
/// a literal CR into LF (§2.11). Surrogates cannot occur: the input is a Swift `String`, always valid UTF-8.
public enum XMLText {
    /// Appends `text` escaped.
    public static func append(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { append($0, to: &out) }
    }

    /// Appends UTF-8 bytes escaped. This runs for every value a render writes, so it copies whole runs of
    /// bytes that need nothing.
    public static func append(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        var runStart = 0
        var index = 0
        while index < bytes.count {
            // Digits, `-`, `.` and `:` (most of an id, address or time) are below `>` too, so the test is a mask,
            // not a range: one shift for the bytes below 0x40, one compare for the rest.
            let byte = bytes[index]
            if !mayBeReplaced(byte) {
                index += 1
                continue
            }
            let length = replacedLength(bytes, at: index)
            if length == 0 {
                index += 1
                continue
            }
            if runStart < index {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            }
            appendEntity(for: byte, to: &out)
            index += length
            runStart = index
        }
        if runStart < bytes.count {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        }
    }

    /// `text` escaped, as a string.
    public static func escaped(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        append(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The ASCII bytes `replacedLength` may replace, as bits: U+0000-U+001F but tab and LF, `"`, `&`, `'`, `<`, `>`.
    private static let replacedBelow0x40: UInt64 = 0x5000_00C4_FFFF_F9FF

    /// Whether `replacedLength` may be more than 0 at this byte (0xEF starts U+FFFE and U+FFFF).
    @inline(__always)
    private static func mayBeReplaced(_ byte: UInt8) -> Bool {
        byte < 0x40 ? (replacedBelow0x40 >> UInt64(byte)) & 1 == 1 : byte == 0xEF
    }

    /// How many bytes at `index` are replaced: 0 (kept), 1 (an ASCII byte) or 3 (U+FFFE / U+FFFF, `EF BF BE|BF`).
    private static func replacedLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = bytes[index]
        if byte == 0xEF {
            guard index + 2 < bytes.count, bytes[index + 1] == 0xBF, bytes[index + 2] & 0xFE == 0xBE else { return 0 }
            return 3
        }
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"): return 1
        case 0x09, 0x0A: return 0
        case ..<0x20: return 1
        default: return 0
        }
    }

    private static func appendEntity(for byte: UInt8, to out: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "&"): out.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B])  // &amp;
        case UInt8(ascii: "<"): out.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B])  // &lt;
        case UInt8(ascii: ">"): out.append(contentsOf: [0x26, 0x67, 0x74, 0x3B])  // &gt;
        case UInt8(ascii: "\""): out.append(contentsOf: [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B])  // &quot;
        case UInt8(ascii: "'"): out.append(contentsOf: [0x26, 0x61, 0x70, 0x6F, 0x73, 0x3B])  // &apos;
        case 0x0D: out.append(contentsOf: [0x26, 0x23, 0x31, 0x33, 0x3B])  // &#13;
        default: out.append(contentsOf: [0xEF, 0xBF, 0xBD])  // U+FFFD
        }
    }
}
