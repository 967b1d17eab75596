import Configuration

/// Reads typed settings from swift-configuration providers, collecting every problem by key.
///
/// Values are read as text and parsed here rather than with `ConfigReader.int(forKey:default:)`,
/// because that API silently falls back to the default when a value has the wrong type; a typo
/// in a port must stop the start, naming the key.
struct SettingsReader {
    private let config: ConfigReader
    /// Every problem found so far, in read order.
    private(set) var problems: [ConfigurationError.Problem] = []
    /// Every key read, in read order (tests compare it with the printed and example keys).
    private(set) var keysRead: [String] = []

    init(config: ConfigReader) {
        self.config = config
    }

    /// Records a problem with `key`.
    mutating func problem(_ key: String, _ message: String) {
        problems.append(ConfigurationError.Problem(key: key, message: message))
    }

    /// The raw text of a scalar setting, or nil when no provider sets it.
    private mutating func text(_ key: String, isSecret: Bool = false) -> String? {
        keysRead.append(key)
        let configKey = ConfigKey(key)
        if let value = config.string(forKey: configKey, isSecret: isSecret) {
            return value
        }
        if config.stringArray(forKey: configKey, isSecret: isSecret) != nil {
            problem(key, "expected a single value, got a list")
        }
        return nil
    }

    /// A string setting.
    mutating func string(_ key: String, default defaultValue: String) -> String {
        text(key) ?? defaultValue
    }

    /// A secret string setting; marked secret for swift-configuration's access reporting too.
    mutating func secret(_ key: String, default defaultValue: String = "") -> Secret {
        Secret(text(key, isSecret: true) ?? defaultValue)
    }

    /// One of a fixed set of words.
    mutating func choice(_ key: String, default defaultValue: String, allowed: [String]) -> String {
        guard let value = text(key) else { return defaultValue }
        guard allowed.contains(value) else {
            problem(key, "must be one of \(allowed.joined(separator: ", ")), got \(quoted(value))")
            return defaultValue
        }
        return value
    }

    /// An integer setting within `range`.
    mutating func int(_ key: String, default defaultValue: Int, in range: ClosedRange<Int>) -> Int {
        guard let value = text(key) else { return defaultValue }
        let digits = String(value.filter { $0 != "_" && $0 != " " })
        guard let number = Int(digits) else {
            problem(key, "expected an integer, got \(quoted(value))")
            return defaultValue
        }
        guard range.contains(number) else {
            problem(key, "must be \(range.lowerBound)-\(range.upperBound), got \(number)")
            return defaultValue
        }
        return number
    }

    /// A boolean setting (`true`/`false`, also YAML 1.1's `yes`/`no`/`on`/`off`, and `1`/`0`).
    mutating func bool(_ key: String, default defaultValue: Bool) -> Bool {
        guard let value = text(key) else { return defaultValue }
        switch value.lowercased() {
        case "true", "yes", "on", "1": return true
        case "false", "no", "off", "0": return false
        default:
            problem(key, "expected true or false, got \(quoted(value))")
            return defaultValue
        }
    }

    /// A list of strings: a YAML sequence, or comma-separated text (as environment variables give).
    mutating func list(_ key: String, default defaultValue: [String]) -> [String] {
        keysRead.append(key)
        let configKey = ConfigKey(key)
        if let values = config.stringArray(forKey: configKey) {
            return values.filter { !$0.isEmpty }
        }
        if let value = config.string(forKey: configKey) {
            return value.split(separator: ",").map(String.init).filter { !$0.isEmpty }
        }
        return defaultValue
    }

    private func quoted(_ value: String) -> String {
        "\"\(value)\""
    }
}
