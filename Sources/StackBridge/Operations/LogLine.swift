import JSON
import Logging

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Renders one log event as one line of logfmt or JSON: time, level, logger, message, then
/// metadata (preferred keys first, the rest sorted), ending in a newline.
struct LogLine {
    let format: LogSettings.Format
    let fieldOrder: [String]

    func render(
        level: Logger.Level, label: String, message: String, metadata: Logger.Metadata, nanosSinceEpoch: UInt64
    ) -> [UInt8] {
        var ordered: [(String, Logger.MetadataValue)] = []
        ordered.reserveCapacity(metadata.count)
        for key in fieldOrder {
            if let value = metadata[key] { ordered.append((key, value)) }
        }
        for key in metadata.keys.sorted() where !fieldOrder.contains(key) {
            if let value = metadata[key] { ordered.append((key, value)) }
        }
        let time = LogLine.timestamp(nanosSinceEpoch)
        switch format {
        case .logfmt:
            var out = "ts=\(time) level=\(level.rawValue)"
            LogLine.appendLogfmt(&out, "logger", .string(label))
            LogLine.appendLogfmt(&out, "msg", .string(message))
            for (key, value) in ordered {
                LogLine.appendLogfmt(&out, key, value)
            }
            out.append("\n")
            return Array(out.utf8)
        case .json:
            var writer = JSONWriter(reservingCapacity: 256)
            writer.beginObject()
            writer.member("ts", time)
            writer.member("level", level.rawValue)
            writer.member("logger", label)
            writer.member("msg", message)
            for (key, value) in ordered {
                writer.key(key)
                LogLine.writeJSON(&writer, value)
            }
            writer.endObject()
            var bytes = writer.take()
            bytes.append(UInt8(ascii: "\n"))
            return bytes
        }
    }

    /// Appends ` key=value`, flattening dictionaries to `key.sub=value` and quoting when needed.
    static func appendLogfmt(_ out: inout String, _ key: String, _ value: Logger.MetadataValue) {
        switch value {
        case .dictionary(let dictionary):
            for sub in dictionary.keys.sorted() {
                if let inner = dictionary[sub] { appendLogfmt(&out, "\(key).\(sub)", inner) }
            }
        default:
            out.append(" ")
            out.append(safeKey(key))
            out.append("=")
            out.append(logfmtValue(text(value)))
        }
    }

    /// The plain text of a value (arrays as `[a,b]`).
    static func text(_ value: Logger.MetadataValue) -> String {
        switch value {
        case .string(let string): return string
        case .stringConvertible(let convertible): return convertible.description
        case .array(let array): return "[" + array.map(text).joined(separator: ",") + "]"
        case .dictionary(let dictionary):
            return "{" + dictionary.keys.sorted().map { "\($0):\(dictionary[$0].map(text) ?? "")" }.joined(separator: ",") + "}"
        }
    }

    // Keys come from code, but a key with a space or `=` would make the line ambiguous.
    private static func safeKey(_ key: String) -> String {
        String(key.unicodeScalars.map { $0 == " " || $0 == "=" || $0 == "\"" || $0.value < 0x20 ? "_" : Character($0) })
    }

    /// The value bare when it is a plain token, else double-quoted with `"`, `\` and controls escaped,
    /// so a hostile path or header can neither split the line nor forge a field.
    static func logfmtValue(_ value: String) -> String {
        let plain = !value.isEmpty && value.unicodeScalars.allSatisfy { scalar in
            scalar.value > 0x20 && scalar.value != 0x7F && scalar != "=" && scalar != "\"" && scalar != "\\"
        }
        if plain { return value }
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                        + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// Numbers and booleans stay JSON numbers and booleans; everything else is a string.
    static func writeJSON(_ writer: inout JSONWriter, _ value: Logger.MetadataValue) {
        switch value {
        case .string(let string):
            writer.string(string)
        case .stringConvertible(let convertible):
            switch convertible {
            case let int as Int: writer.int(int)
            case let int as Int64: writer.int(int)
            case let int as UInt64: writer.int(int)
            case let bool as Bool: writer.bool(bool)
            case let double as Double: writer.double(double)
            default: writer.string(convertible.description)
            }
        case .array(let array):
            writer.beginArray()
            for element in array { writeJSON(&writer, element) }
            writer.endArray()
        case .dictionary(let dictionary):
            writer.beginObject()
            for key in dictionary.keys.sorted() {
                guard let inner = dictionary[key] else { continue }
                writer.key(key)
                writeJSON(&writer, inner)
            }
            writer.endObject()
        }
    }

    /// RFC 3339 UTC with milliseconds: `2026-11-29T00:15:07.123Z`.
    static func timestamp(_ nanos: UInt64) -> String {
        var seconds = time_t(nanos / 1_000_000_000)
        let millis = Int(nanos / 1_000_000 % 1000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func pad(_ value: Int32, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))T"
            + "\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2)).\(pad(Int32(millis), 3))Z"
    }

    /// Wall-clock nanoseconds since the Unix epoch.
    static func now() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }
}
