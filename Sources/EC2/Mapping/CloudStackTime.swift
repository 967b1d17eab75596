/// Converts CloudStack's timestamps (`2026-03-04T05:06:07+0000`) to EC2's (`2026-03-04T05:06:07.000Z`).
enum CloudStackTime {
    /// The EC2 form of a CloudStack time, in UTC; the epoch when absent or unreadable.
    static func ec2(_ text: String?) -> String {
        guard var text else { return epoch }
        // CloudStack servers usually run in UTC: `…+0000` only needs its suffix replaced, no date
        // arithmetic, and no intermediate strings (this runs for every VM listed).
        if let utc = text.withUTF8({ bytes in isUTCShape(bytes) ? utcForm(bytes) : nil }) { return utc }
        guard let seconds = epochSeconds(text) else { return epoch }
        return format(seconds)
    }

    private static let epoch = "1970-01-01T00:00:00.000Z"

    /// Whether `text` is `DDDD-DD-DDTDD:DD:DD+0000` with a plausible month, day and time.
    static func isUTCShape(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { isUTCShape($0) }
    }

    private static func isUTCShape(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard b.count == 24 else { return false }
        for index in 0..<24 {
            switch index {
            case 4, 7: guard b[index] == UInt8(ascii: "-") else { return false }
            case 10: guard b[index] == UInt8(ascii: "T") else { return false }
            case 13, 16: guard b[index] == UInt8(ascii: ":") else { return false }
            case 19: guard b[index] == UInt8(ascii: "+") else { return false }
            case 20...23: guard b[index] == UInt8(ascii: "0") else { return false }
            default: guard b[index] &- UInt8(ascii: "0") < 10 else { return false }
            }
        }
        func number(_ at: Int) -> Int { Int(b[at] - 48) * 10 + Int(b[at + 1] - 48) }
        return (1...12).contains(number(5)) && (1...31).contains(number(8)) && number(11) < 24 && number(14) < 60 && number(17) < 61
    }

    /// The first 19 bytes of a UTC CloudStack time followed by `.000Z`.
    private static func utcForm(_ b: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: 24) { out in
            for index in 0..<19 { out[index] = b[index] }
            for (offset, byte) in ".000Z".utf8.enumerated() { out[19 + offset] = byte }
            return 24
        }
    }

    /// Seconds since the epoch of a CloudStack time (`±HHMM` offsets, as Java's `yyyy-MM-dd'T'HH:mm:ssZ` writes).
    static func epochSeconds(_ text: String) -> Int64? {
        var normalized = text
        let bytes = Array(text.utf8)
        // `+0000` → `+00:00`, the form AWSTimestamp reads.
        if bytes.count == 24, bytes[19] == UInt8(ascii: "+") || bytes[19] == UInt8(ascii: "-") {
            normalized = String(decoding: bytes[0..<22], as: UTF8.self) + ":" + String(decoding: bytes[22..<24], as: UTF8.self)
        }
        return AWSTimestamp.parseExtended(normalized)
    }

    /// `YYYY-MM-DDTHH:MM:SS.000Z` of an epoch time.
    static func format(_ seconds: Int64) -> String {
        let basic = Array(AWSTimestamp.formatBasic(seconds).utf8)
        func part(_ range: Range<Int>) -> String { String(decoding: basic[range], as: UTF8.self) }
        return part(0..<4) + "-" + part(4..<6) + "-" + part(6..<8) + "T" + part(9..<11) + ":" + part(11..<13) + ":" + part(13..<15)
            + ".000Z"
    }
}
