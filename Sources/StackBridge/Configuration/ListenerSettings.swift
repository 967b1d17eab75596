/// One plain-HTTP listener: the client listener (`server.http`) or the admin listener (`admin`).
public struct ListenerSettings: Sendable, Equatable {
    /// Whether the listener is started.
    public var enabled: Bool
    /// The address to bind.
    public var address: String
    /// The TCP port to bind.
    public var port: Int

    /// Creates listener settings.
    public init(enabled: Bool, address: String, port: Int) {
        self.enabled = enabled
        self.address = address
        self.port = port
    }

    /// Reads `<prefix>.enabled`, `<prefix>.address` and `<prefix>.port` over `defaults`.
    init(reading reader: inout SettingsReader, prefix: String, defaults: ListenerSettings) {
        enabled = reader.bool("\(prefix).enabled", default: defaults.enabled)
        address = reader.string("\(prefix).address", default: defaults.address)
        port = reader.int("\(prefix).port", default: defaults.port, in: 1...65535)
        if address.isEmpty {
            reader.problem("\(prefix).address", "must not be empty")
        }
    }
}
