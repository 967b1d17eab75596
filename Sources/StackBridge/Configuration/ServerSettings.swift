/// The client-facing server (`server`): loops, listeners, paths and limits.
public struct ServerSettings: Sendable, Equatable {
    /// Event-loop threads; 0 means one per core.
    public var loops = 0
    /// The plain-HTTP client listener.
    public var http = ListenerSettings(enabled: true, address: "0.0.0.0", port: 8080)
    /// The TLS client listener.
    public var https = HTTPSSettings()
    /// The path, besides `/`, at which EC2 Query requests are accepted (euca2ools use this one).
    public var ec2Path = "/services/Cloud"
    /// The external base URL used in GCE `selfLink`s; empty means derived from the listeners.
    public var publicURL = ""
    /// Connection and in-flight limits.
    public var limits = LimitsSettings()
    /// Seconds in-flight requests may take to finish after SIGTERM before connections are closed.
    public var shutdownGraceSeconds = 20

    /// The defaults.
    public init() {}

    init(reading reader: inout SettingsReader) {
        loops = reader.int("server.loops", default: loops, in: 0...1024)
        http = ListenerSettings(reading: &reader, prefix: "server.http", defaults: http)
        https = HTTPSSettings(reading: &reader)
        ec2Path = reader.string("server.ec2Path", default: ec2Path)
        if !ec2Path.hasPrefix("/") || ec2Path.contains("?") || ec2Path.contains(" ") {
            reader.problem("server.ec2Path", "must be a path starting with / and without a query, got \"\(ec2Path)\"")
        }
        publicURL = reader.string("server.publicURL", default: publicURL)
        if !publicURL.isEmpty && URLParts(publicURL) == nil {
            reader.problem("server.publicURL", "must be an http(s) URL, got \"\(publicURL)\"")
        }
        limits = LimitsSettings(reading: &reader)
        shutdownGraceSeconds = reader.int("server.shutdownGraceSeconds", default: shutdownGraceSeconds, in: 0...3600)
    }

    /// The base URL clients use: `publicURL` if set, else built from the HTTPS listener if enabled,
    /// else the HTTP one (a wildcard bind address becomes `127.0.0.1`). No trailing slash.
    public var effectivePublicURL: String {
        if !publicURL.isEmpty {
            return publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL
        }
        let (scheme, address, port) =
            https.enabled ? ("https", https.address, https.port) : ("http", http.address, http.port)
        var host = address == "0.0.0.0" || address == "::" || address.isEmpty ? "127.0.0.1" : address
        if host.contains(":") { host = "[\(host)]" }
        let defaultPort = scheme == "https" ? 443 : 80
        return port == defaultPort ? "\(scheme)://\(host)" : "\(scheme)://\(host):\(port)"
    }
}
