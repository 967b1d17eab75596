import Pipeline

/// RFC 3339 timestamps as GCE writes them (`creationTimestamp`, `insertTime`, ...), without Foundation.
public enum Timestamps {
    /// CloudStack's `2026-11-29T00:11:10+0000` as `2026-11-29T00:11:10.000+00:00`; `nil` stays `nil`.
    public static func fromCloudStack(_ text: String?) -> String? {
        guard let text else { return nil }
        var utf8 = text
        // Written once, byte by byte: this runs for every instance and disk listed.
        return utf8.withUTF8 { bytes -> String in
            guard bytes.count == 24, bytes[19] == UInt8(ascii: "+") || bytes[19] == UInt8(ascii: "-") else { return text }
            return String(unsafeUninitializedCapacity: 29) { out in
                for index in 0..<19 { out[index] = bytes[index] }
                for (offset, byte) in ".000".utf8.enumerated() { out[19 + offset] = byte }
                out[23] = bytes[19]
                out[24] = bytes[20]
                out[25] = bytes[21]
                out[26] = UInt8(ascii: ":")
                out[27] = bytes[22]
                out[28] = bytes[23]
                return 29
            }
        }
    }

    /// Epoch seconds as `YYYY-MM-DDTHH:MM:SS.000+00:00` in UTC: the same offset form `fromCloudStack` writes for
    /// CloudStack's `+0000`, so one timestamp (an operation's `insertTime`) reads the same in every answer.
    public static func fromEpoch(_ seconds: Int64) -> String {
        let (year, month, day, hour, minute, second) = CivilDate.components(epochSeconds: seconds)
        func two(_ v: Int64) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(year)-\(two(month))-\(two(day))T\(two(hour)):\(two(minute)):\(two(second)).000+00:00"
    }

    /// Parses CloudStack's `YYYY-MM-DDTHH:MM:SS+hhmm` into epoch seconds (for ordering and operation times).
    public static func epoch(fromCloudStack text: String?) -> Int64? {
        guard let text else { return nil }
        let b = Array(text.utf8)
        guard b.count >= 19 else { return nil }
        func num(_ r: Range<Int>) -> Int64? {
            var v: Int64 = 0
            for i in r {
                guard b[i] >= 48 && b[i] <= 57 else { return nil }
                v = v * 10 + Int64(b[i] - 48)
            }
            return v
        }
        guard let y = num(0..<4), let m = num(5..<7), let d = num(8..<10), let hh = num(11..<13), let mm = num(14..<16),
            let ss = num(17..<19)
        else { return nil }
        var seconds = CivilDate.epochSeconds(year: y, month: m, day: d, hour: hh, minute: mm, second: ss)
        if b.count == 24, let oh = num(20..<22), let om = num(22..<24) {
            let offset = oh * 3600 + om * 60
            seconds += b[19] == UInt8(ascii: "+") ? -offset : offset
        }
        return seconds
    }
}
