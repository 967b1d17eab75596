import Configuration

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Everything StackBridge can be configured with: defaults, then the YAML file, then
/// `STACKBRIDGE_*` environment variables, validated as a whole.
///
/// Keys are camelCase and dotted (`server.https.port`); `docs/configuration.md` lists them all
/// and `conf/stackbridge.example.yaml` shows each with its default.
public struct Settings: Sendable, Equatable {
    /// The prefix of every environment variable that overrides a key.
    public static let environmentPrefix = "STACKBRIDGE"

    /// The client listeners and their limits.
    public var server = ServerSettings()
    /// The admin listener (`/healthz`, `/readyz`, `/metrics`).
    public var admin = ListenerSettings(enabled: true, address: "127.0.0.1", port: 9090)
    /// Logging.
    public var log = LogSettings()
    /// The CloudStack backend.
    public var cloudstack = CloudStackSettings()
    /// The EC2 Query API.
    public var ec2 = EC2Settings()
    /// The GCE API.
    public var gce = GCESettings()
    /// The built-in simulator.
    public var simulator = SimulatorSettings()

    /// The keys whose values are secrets: redacted by swift-configuration's own reporting too.
    public static let secretKeys = ["cloudstack.adminSecretKey", "ec2.registry.masterKey", "gce.tokenKey", "simulator.seed"]

    /// The defaults.
    public init() {}

    /// The environment variable that overrides `key`: `server.limits.maxBodyBytes` ->
    /// `STACKBRIDGE_SERVER_LIMITS_MAX_BODY_BYTES` (swift-configuration's environment key encoding).
    public static func environmentName(for key: String) -> String {
        var name = environmentPrefix
        for component in key.split(separator: ".") {
            name.append("_")
            var previousWasLower = false
            for character in component {
                if previousWasLower && character.isUppercase { name.append("_") }
                previousWasLower = character.isLowercase
                name.append(character.isLetter || character.isNumber ? String(character).uppercased() : "_")
            }
        }
        return name
    }

    /// Loads the settings: environment variables override `configFile` (YAML), which overrides the
    /// defaults. Throws every problem found, each naming its key.
    public static func load(
        configFile: String?, environment: [String: String]
    ) throws(ConfigurationError) -> Settings {
        var reader = try makeReader(configFile: configFile, environment: environment)
        let settings = Settings(reading: &reader)
        let problems = reader.problems + settings.crossCheck()
        if !problems.isEmpty {
            throw ConfigurationError(problems: problems)
        }
        return settings
    }

    /// The keys `load` reads, in order (for tests and documentation checks).
    static func keysRead(configFile: String?, environment: [String: String]) throws(ConfigurationError) -> [String] {
        var reader = try makeReader(configFile: configFile, environment: environment)
        _ = Settings(reading: &reader)
        return reader.keysRead
    }

    init(reading reader: inout SettingsReader) {
        server = ServerSettings(reading: &reader)
        admin = ListenerSettings(reading: &reader, prefix: "admin", defaults: admin)
        log = LogSettings(reading: &reader)
        cloudstack = CloudStackSettings(reading: &reader)
        ec2 = EC2Settings(reading: &reader)
        gce = GCESettings(reading: &reader)
        simulator = SimulatorSettings(reading: &reader)
    }

    private static func makeReader(
        configFile: String?, environment: [String: String]
    ) throws(ConfigurationError) -> SettingsReader {
        // `server.http.port` -> `STACKBRIDGE_SERVER_HTTP_PORT`: swift-configuration's environment key
        // convention (camelCase words split by `_`, upper-cased) under one prefix.
        var providers: [any ConfigProvider] = [
            EnvironmentVariablesProvider(
                environmentVariables: environment,
                secretsSpecifier: .specific(Set(secretKeys.map(environmentName(for:))))
            ).prefixKeys(with: ConfigKey(environmentPrefix.lowercased()))
        ]
        if let configFile, let file = try yamlProvider(path: configFile) {
            providers.append(file)
        }
        return SettingsReader(config: ConfigReader(providers: providers))
    }

    /// The file as a provider; nil when it holds nothing but comments (every key at its default).
    private static func yamlProvider(path: String) throws(ConfigurationError) -> (any ConfigProvider)? {
        let bytes = try readFile(path)
        let meaningful = String(decoding: bytes, as: UTF8.self).split(separator: "\n").contains { line in
            let text = line.drop { $0 == " " || $0 == "\t" || $0 == "\r" }
            return !text.isEmpty && !text.hasPrefix("#") && text != "---" && text != "..."
        }
        guard meaningful else { return nil }
        do {
            let snapshot = try YAMLSnapshot(
                data: bytes.span.bytes, providerName: "YAML file \(path)",
                parsingOptions: YAMLSnapshot.ParsingOptions(secretsSpecifier: .specific(Set(secretKeys))))
            return StaticSnapshotProvider(snapshot)
        } catch {
            throw ConfigurationError(key: "config", "\(path): invalid YAML: \(error)")
        }
    }

    private static func readFile(_ path: String) throws(ConfigurationError) -> [UInt8] {
        guard let file = fopen(path, "rb") else {
            throw ConfigurationError(key: "config", "\(path): \(String(cString: strerror(errno)))")
        }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if count > 0 { bytes.append(contentsOf: chunk[0..<count]) }
            if count < chunk.count { break }
        }
        if ferror(file) != 0 {
            throw ConfigurationError(key: "config", "\(path): read error")
        }
        return bytes
    }
}
