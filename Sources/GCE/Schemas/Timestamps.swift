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

    /// Epoch seconds as `YYYY-MM-DDTHH:MM:SS.000-00:00` in UTC (Howard Hinnant's civil-from-days).
    public static func fromEpoch(_ seconds: Int64) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ v: Int64) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(year)-\(two(month))-\(two(day))T\(two(secondOfDay / 3600)):\(two(secondOfDay % 3600 / 60)):"
            + "\(two(secondOfDay % 60)).000-00:00"
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
        let yy = m <= 2 ? y - 1 : y
        let era = (yy >= 0 ? yy : yy - 399) / 400
        let yoe = yy - era * 400
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        var seconds = (era * 146_097 + doe - 719_468) * 86_400 + hh * 3600 + mm * 60 + ss
        if b.count == 24, let oh = num(20..<22), let om = num(22..<24) {
            let offset = oh * 3600 + om * 60
            seconds += b[19] == UInt8(ascii: "+") ? -offset : offset
        }
        return seconds
    }
}
