/// `application/x-www-form-urlencoded` decoding, written once for every API: `%XY` escapes and `+` as space.
///
/// Callers differ only in what they do with malformed input, so that is the parameter: EC2's Query protocol
/// refuses a bad escape or bytes that are not UTF-8 (AWS answers `MalformedQueryString`), while GCE's form
/// fields and the simulator follow `java.net.URLDecoder` as CloudStack's servlet runs it and keep a malformed
/// escape literally.
public enum PercentDecoding {
    /// What to do with a `%` not followed by two hex digits, and with bytes that are not UTF-8.
    public enum Strictness: Sendable {
        /// Fail: `decode` returns `nil`.
        case strict
        /// Keep a malformed escape as its literal bytes and repair invalid UTF-8 with U+FFFD; never `nil`.
        case lenient
    }

    /// Decodes one field; `nil` only under `.strict`.
    public static func decode<C: Collection<UInt8>>(_ raw: C, _ strictness: Strictness) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var index = raw.startIndex
        while index != raw.endIndex {
            let byte = raw[index]
            if byte == UInt8(ascii: "%") {
                if let (value, end) = escape(in: raw, after: index) {
                    out.append(value)
                    index = end
                    continue
                }
                guard strictness == .lenient else { return nil }
                out.append(byte)
            } else {
                out.append(byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
            }
            index = raw.index(after: index)
        }
        switch strictness {
        case .strict: return String(validating: out, as: UTF8.self)
        case .lenient: return String(decoding: out, as: UTF8.self)
        }
    }

    /// Decodes one field, keeping malformed escapes literally (`.lenient`).
    public static func decodeLeniently<C: Collection<UInt8>>(_ raw: C) -> String {
        decode(raw, .lenient) ?? ""
    }

    /// The byte of the `%XY` escape at `percent`, and the index after it.
    private static func escape<C: Collection<UInt8>>(in raw: C, after percent: C.Index) -> (UInt8, C.Index)? {
        let high = raw.index(after: percent)
        guard high != raw.endIndex else { return nil }
        let low = raw.index(after: high)
        guard low != raw.endIndex, let h = HexDigit.value(raw[high]), let l = HexDigit.value(raw[low]) else { return nil }
        return (h << 4 | l, raw.index(after: low))
    }
}
