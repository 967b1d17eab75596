/// Appends template values to XML output: raw text and decimal integers (escaping is `XMLText`, shared with
/// error documents, so the two can never disagree).
public enum TemplateText {
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
}
