import Pipeline

/// Parses `expires` as `DateUtil.parseTZDateString` accepts it, to epoch seconds.
///
/// Accepted: `yyyy-MM-ddTHH:mm:ss`, an optional fraction, then a zone: `Z`, `+HH`, `+HHMM`,
/// `+HH:MM`, or the legacy `Z+HHMM`. This covers ISO_OFFSET_DATE_TIME, `yyyy-MM-dd'T'HH:mm:ssZ`,
/// ISO_INSTANT, the `.SSSSSS` variants and `yyyy-MM-dd'T'HH:mm:ss'Z'Z`.
enum ExpiresDate {
    /// Epoch seconds, or `nil` when the text matches none of the formats.
    static func parse(_ text: String) -> Int64? {
        let b = Array(text.utf8)
        guard b.count >= 19, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
            b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: "t"),
            b[13] == UInt8(ascii: ":"), b[16] == UInt8(ascii: ":"),
            let year = number(b, 0, 4), let month = number(b, 5, 2), let day = number(b, 8, 2),
            let hour = number(b, 11, 2), let minute = number(b, 14, 2), let second = number(b, 17, 2),
            (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        var index = 19
        if index < b.count, b[index] == UInt8(ascii: ".") {
            index += 1
            let start = index
            while index < b.count, isDigit(b[index]) { index += 1 }
            guard index > start else { return nil }
        }
        guard index < b.count else { return nil }
        var offset: Int64 = 0
        if b[index] == UInt8(ascii: "Z") || b[index] == UInt8(ascii: "z") {
            index += 1
            if index < b.count {
                guard let legacy = zone(b, index) else { return nil }
                offset = legacy
            }
        } else {
            guard let parsed = zone(b, index) else { return nil }
            offset = parsed
        }
        let days = CivilDate.days(year: Int64(year), month: Int64(month), day: Int64(day))
        return days * 86_400 + Int64(hour * 3600 + minute * 60 + second) - offset
    }

    /// `+HH`, `+HHMM` or `+HH:MM` to the end of the text, in seconds east of UTC.
    private static func zone(_ b: [UInt8], _ start: Int) -> Int64? {
        guard start < b.count, b[start] == UInt8(ascii: "+") || b[start] == UInt8(ascii: "-") else { return nil }
        let sign: Int64 = b[start] == UInt8(ascii: "-") ? -1 : 1
        let rest = b.count - start - 1
        guard let hours = number(b, start + 1, 2) else { return nil }
        var minutes = 0
        switch rest {
        case 2: break
        case 4:
            guard let m = number(b, start + 3, 2) else { return nil }
            minutes = m
        case 5:
            guard b[start + 3] == UInt8(ascii: ":"), let m = number(b, start + 4, 2) else { return nil }
            minutes = m
        default: return nil
        }
        guard hours <= 18, minutes < 60 else { return nil }
        return sign * Int64(hours * 3600 + minutes * 60)
    }

    private static func number(_ b: [UInt8], _ start: Int, _ count: Int) -> Int? {
        guard start + count <= b.count else { return nil }
        var value = 0
        for i in start..<start + count {
            guard isDigit(b[i]) else { return nil }
            value = value * 10 + Int(b[i] - UInt8(ascii: "0"))
        }
        return value
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
