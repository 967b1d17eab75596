/// Appends template values to XML output: escaping, decimal integers, nothing else.
///
/// This is the only code a render runs per value, so it scans bytes and copies whole runs.
public enum TemplateText {
    /// Appends `value` with `& < > " '` escaped, so it is safe in element text and attribute values.
    ///
    /// XML 1.0 cannot carry control characters other than tab, LF and CR, not even as character
    /// references, so those become U+FFFD; CR is written `&#13;` because parsers turn a literal CR into LF.
    public static func appendEscaped(_ value: String, to out: inout [UInt8]) {
        var value = value
        value.withUTF8 { appendEscaped($0, to: &out) }
    }

    /// Appends UTF-8 bytes with the same escaping as `appendEscaped(_:to:)`.
    public static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        var runStart = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            // Every byte that needs escaping is at most `>` (0x3E), so one comparison clears most bytes.
            if byte > UInt8(ascii: ">") || !needsEscape(byte) {
                index += 1
                continue
            }
            if runStart < index {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            }
            appendEntity(for: byte, to: &out)
            index += 1
            runStart = index
        }
        if runStart < bytes.count {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        }
    }

    /// Appends `value` unchanged (for `{{{name}}}` and `{{& name}}`).
    public static func appendRaw(_ value: String, to out: inout [UInt8]) {
        var value = value
        value.withUTF8 { out.append(contentsOf: $0) }
    }

    /// Appends the decimal digits of `value` without building a `String`.
    public static func appendDecimal(_ value: Int, to out: inout [UInt8]) {
        if value < 0 { out.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        if magnitude < 10 {
            out.append(UInt8(ascii: "0") &+ UInt8(magnitude))
            return
        }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes hold the 20 digits of UInt64.max
        let count = withUnsafeMutableBytes(of: &digits) { buffer -> Int in
            var position = buffer.count
            while magnitude > 0 {
                position -= 1
                buffer[position] = UInt8(ascii: "0") &+ UInt8(magnitude % 10)
                magnitude /= 10
            }
            return buffer.count - position
        }
        withUnsafeBytes(of: digits) { buffer in
            out.append(contentsOf: buffer[(buffer.count - count)...])
        }
    }

    static func needsEscape(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"): true
        case 0x09, 0x0A: false
        case ..<0x20: true
        default: false
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
