public import Logging

/// Logging (`log`): line format, level, and whether the access log is written.
public struct LogSettings: Sendable, Equatable {
    /// How one log line is rendered.
    public enum Format: String, Sendable, Equatable, CaseIterable {
        /// `key=value` pairs separated by spaces, values quoted when needed.
        case logfmt
        /// One JSON object per line.
        case json
    }

    /// The line format of every log line, access log included.
    public var format = Format.logfmt
    /// The lowest level written.
    public var level = Logger.Level.info
    /// Whether one access-log line is written per request.
    public var accessLog = true

    /// The defaults.
    public init() {}

    init(reading reader: inout SettingsReader) {
        let formatName = reader.choice("log.format", default: format.rawValue, allowed: Format.allCases.map(\.rawValue))
        format = Format(rawValue: formatName) ?? format
        let levelName = reader.choice(
            "log.level", default: level.rawValue, allowed: Logger.Level.allCases.map(\.rawValue))
        level = Logger.Level(rawValue: levelName) ?? level
        accessLog = reader.bool("log.accessLog", default: accessLog)
    }
}
