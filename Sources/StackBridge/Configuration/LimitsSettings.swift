/// Per-connection and per-loop limits of the client listeners (`server.limits`).
public struct LimitsSettings: Sendable, Equatable {
    /// Largest accepted request line plus headers; larger requests get 431.
    public var maxHeaderBytes = 8192
    /// Largest accepted request body; larger requests get 413.
    public var maxBodyBytes = 2_097_152
    /// Seconds to receive a whole request before the connection is closed.
    public var readTimeoutSeconds = 30
    /// Seconds to send a whole response before the connection is closed.
    public var writeTimeoutSeconds = 30
    /// Seconds a keep-alive connection may sit idle.
    public var idleTimeoutSeconds = 60
    /// Requests one loop runs at once before shedding new ones with 503.
    public var maxInFlightPerLoop = 1024
    /// Client connections open at once over all loops; 0 derives the cap from `RLIMIT_NOFILE`.
    public var maxConnections = 0

    /// The defaults.
    public init() {}

    init(reading reader: inout SettingsReader) {
        maxHeaderBytes = reader.int("server.limits.maxHeaderBytes", default: maxHeaderBytes, in: 1024...1_048_576)
        maxBodyBytes = reader.int("server.limits.maxBodyBytes", default: maxBodyBytes, in: 1...1_073_741_824)
        readTimeoutSeconds = reader.int("server.limits.readTimeoutSeconds", default: readTimeoutSeconds, in: 1...3600)
        writeTimeoutSeconds = reader.int("server.limits.writeTimeoutSeconds", default: writeTimeoutSeconds, in: 1...3600)
        idleTimeoutSeconds = reader.int("server.limits.idleTimeoutSeconds", default: idleTimeoutSeconds, in: 1...3600)
        maxInFlightPerLoop = reader.int("server.limits.maxInFlightPerLoop", default: maxInFlightPerLoop, in: 1...1_000_000)
        maxConnections = reader.int("server.limits.maxConnections", default: maxConnections, in: 0...10_000_000)
    }
}
