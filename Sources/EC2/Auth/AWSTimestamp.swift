import Pipeline

/// Parses the timestamp forms AWS signatures carry into seconds since the Unix epoch.
public enum AWSTimestamp {
    /// SigV4's ISO 8601 basic form `YYYYMMDDTHHMMSSZ` (`X-Amz-Date`).
    public static func parseBasic(_ text: some StringProtocol) -> Int64? {
        let b = Array(text.utf8)
        guard b.count == 16, b[8] == UInt8(ascii: "T"), b[15] == UInt8(ascii: "Z"),
            let year = digits(b, 0, 4), let month = digits(b, 4, 2), let day = digits(b, 6, 2),
            let hour = digits(b, 9, 2), let minute = digits(b, 11, 2), let second = digits(b, 13, 2)
        else { return nil }
        return epoch(year: year, month: month, day: day, hour: hour, minute: minute, second: second, offset: 0)
    }

    /// SigV2's `Timestamp`/`Expires`: ISO 8601 extended `YYYY-MM-DDTHH:MM:SS`, optional fraction,
    /// then `Z`, `±HH:MM` or nothing (UTC, as botocore's `%Y-%m-%dT%H:%M:%SZ` and older SDKs send).
    public static func parseExtended(_ text: some StringProtocol) -> Int64? {
        let b = Array(text.utf8)
        guard b.count >= 19, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"), b[10] == UInt8(ascii: "T"),
            b[13] == UInt8(ascii: ":"), b[16] == UInt8(ascii: ":"),
            let year = digits(b, 0, 4), let month = digits(b, 5, 2), let day = digits(b, 8, 2),
            let hour = digits(b, 11, 2), let minute = digits(b, 14, 2), let second = digits(b, 17, 2)
        else { return nil }
        var i = 19
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            let start = i
            while i < b.count, b[i] >= UInt8(ascii: "0"), b[i] <= UInt8(ascii: "9") { i += 1 }
            guard i > start else { return nil }
        }
        var offset: Int64 = 0
        if i < b.count {
            switch b[i] {
            case UInt8(ascii: "Z"):
                i += 1
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                guard b.count - i == 6, b[i + 3] == UInt8(ascii: ":"),
                    let oh = digits(b, i + 1, 2), let om = digits(b, i + 4, 2), oh < 24, om < 60
                else { return nil }
                offset = Int64(oh * 3600 + om * 60) * (b[i] == UInt8(ascii: "+") ? 1 : -1)
                i += 6
            default:
                return nil
            }
        }
        guard i == b.count else { return nil }
        return epoch(year: year, month: month, day: day, hour: hour, minute: minute, second: second, offset: offset)
    }

    /// An RFC 7231 HTTP date, `Sun, 30 Aug 2015 12:36:00 GMT` (SigV4 accepts `Date` instead of `X-Amz-Date`).
    public static func parseHTTPDate(_ text: some StringProtocol) -> Int64? {
        let parts = text.split(separator: " ")
        guard parts.count == 6, parts[5] == "GMT", parts[0].hasSuffix(","),
            let day = Int(parts[1]), let year = Int(parts[3]),
            let month = months.firstIndex(of: String(parts[2])).map({ $0 + 1 })
        else { return nil }
        let clock = parts[4].split(separator: ":")
        guard clock.count == 3, let hour = Int(clock[0]), let minute = Int(clock[1]), let second = Int(clock[2]) else { return nil }
        return epoch(year: year, month: month, day: day, hour: hour, minute: minute, second: second, offset: 0)
    }

    /// The ISO 8601 basic form `YYYYMMDDTHHMMSSZ` of an epoch time.
    public static func formatBasic(_ seconds: Int64) -> String {
        let secondOfDay = ((seconds % 86_400) + 86_400) % 86_400
        return dateStamp(seconds) + "T" + pad(secondOfDay / 3600, 2) + pad(secondOfDay / 60 % 60, 2) + pad(secondOfDay % 60, 2) + "Z"
    }

    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `YYYYMMDD` of an epoch time (UTC), for comparing with a SigV4 credential scope.
    public static func dateStamp(_ seconds: Int64) -> String {
        let (y, m, d) = CivilDate.date(fromDays: seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
        return pad(y, 4) + pad(m, 2) + pad(d, 2)
    }

    private static func digits(_ b: [UInt8], _ start: Int, _ count: Int) -> Int? {
        guard start + count <= b.count else { return nil }
        var value = 0
        for i in start..<(start + count) {
            let d = b[i] &- UInt8(ascii: "0")
            guard d < 10 else { return nil }
            value = value * 10 + Int(d)
        }
        return value
    }

    /// Years a timestamp may name: the four digits every AWS form has. The HTTP date's year is free text, so this
    /// range is what keeps `days * 86_400` far from overflow.
    static let years = 1...9999

    private static func epoch(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, offset: Int64) -> Int64? {
        guard years.contains(year), (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year),
            hour < 24, minute < 60, second < 61
        else { return nil }
        let days = CivilDate.days(year: Int64(year), month: Int64(month), day: Int64(day))
        return days * 86_400 + Int64(hour * 3600 + minute * 60 + second) - offset
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
