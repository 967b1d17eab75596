import Pipeline

/// CloudStack's API date format `yyyy-MM-dd'T'HH:mm:ssZ` in UTC, e.g. `2026-11-29T10:00:00+0000`.
enum DateText {
    /// Formats epoch seconds.
    static func format(_ epochSeconds: Int64) -> String {
        let t = CivilDate.components(epochSeconds: epochSeconds)
        var out: [UInt8] = []
        out.reserveCapacity(24)
        append(t.year, 4, &out); out.append(UInt8(ascii: "-"))
        append(t.month, 2, &out); out.append(UInt8(ascii: "-"))
        append(t.day, 2, &out); out.append(UInt8(ascii: "T"))
        append(t.hour, 2, &out); out.append(UInt8(ascii: ":"))
        append(t.minute, 2, &out); out.append(UInt8(ascii: ":"))
        append(t.second, 2, &out)
        out.append(contentsOf: "+0000".utf8)
        return String(decoding: out, as: UTF8.self)
    }

    private static func append(_ value: Int64, _ width: Int, _ out: inout [UInt8]) {
        var digits: [UInt8] = []
        var v = value
        for _ in 0..<width {
            digits.append(UInt8(ascii: "0") + UInt8(v % 10))
            v /= 10
        }
        out.append(contentsOf: digits.reversed())
    }
}
