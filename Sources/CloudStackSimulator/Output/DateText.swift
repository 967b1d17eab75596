/// CloudStack's API date format `yyyy-MM-dd'T'HH:mm:ssZ` in UTC, e.g. `2026-11-29T10:00:00+0000`.
enum DateText {
    /// Formats epoch seconds.
    static func format(_ epochSeconds: Int64) -> String {
        let days = epochSeconds >= 0 ? epochSeconds / 86_400 : (epochSeconds - 86_399) / 86_400
        let secondOfDay = Int(epochSeconds - days * 86_400)
        let (year, month, day) = civil(fromDays: days)
        var out: [UInt8] = []
        out.reserveCapacity(24)
        append(year, 4, &out); out.append(UInt8(ascii: "-"))
        append(month, 2, &out); out.append(UInt8(ascii: "-"))
        append(day, 2, &out); out.append(UInt8(ascii: "T"))
        append(secondOfDay / 3600, 2, &out); out.append(UInt8(ascii: ":"))
        append(secondOfDay / 60 % 60, 2, &out); out.append(UInt8(ascii: ":"))
        append(secondOfDay % 60, 2, &out)
        out.append(contentsOf: "+0000".utf8)
        return String(decoding: out, as: UTF8.self)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let m = Int64(month)
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The inverse of `daysFromCivil`.
    static func civil(fromDays days: Int64) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return (Int(year), Int(month), Int(day))
    }

    private static func append(_ value: Int, _ width: Int, _ out: inout [UInt8]) {
        var digits: [UInt8] = []
        var v = value
        for _ in 0..<width {
            digits.append(UInt8(ascii: "0") + UInt8(v % 10))
            v /= 10
        }
        out.append(contentsOf: digits.reversed())
    }
}
