/// The TLS client listener (`server.https`), with optional per-hostname certificates for SNI.
public struct HTTPSSettings: Sendable, Equatable {
    /// A certificate served to clients that ask for `hostname` in the TLS SNI extension.
    public struct SNICertificate: Sendable, Equatable {
        /// The hostname clients send in SNI.
        public var hostname: String
        /// Path of the PEM certificate chain.
        public var certificate: String
        /// Path of the PEM private key.
        public var privateKey: String

        /// Creates an SNI entry.
        public init(hostname: String, certificate: String, privateKey: String) {
            self.hostname = hostname
            self.certificate = certificate
            self.privateKey = privateKey
        }

        /// The `hostname=certificate:privateKey` form used in the file and the environment.
        var text: String { "\(hostname)=\(certificate):\(privateKey)" }
    }

    /// Whether the TLS listener is started.
    public var enabled = false
    /// The address to bind.
    public var address = "0.0.0.0"
    /// The TCP port to bind.
    public var port = 8443
    /// Path of the default PEM certificate chain.
    public var certificate = ""
    /// Path of the default PEM private key.
    public var privateKey = ""
    /// Extra certificates chosen by SNI hostname.
    public var sni: [SNICertificate] = []

    /// The defaults.
    public init() {}

    init(reading reader: inout SettingsReader) {
        enabled = reader.bool("server.https.enabled", default: enabled)
        address = reader.string("server.https.address", default: address)
        port = reader.int("server.https.port", default: port, in: 1...65535)
        certificate = reader.string("server.https.certificate", default: certificate)
        privateKey = reader.string("server.https.privateKey", default: privateKey)
        for entry in reader.list("server.https.sni", default: []) {
            guard let parsed = HTTPSSettings.parseSNI(entry) else {
                reader.problem("server.https.sni", "expected hostname=certificate:privateKey, got \"\(entry)\"")
                continue
            }
            sni.append(parsed)
        }
    }

    /// Parses `hostname=certificate:privateKey`.
    static func parseSNI(_ text: String) -> SNICertificate? {
        guard let equals = text.firstIndex(of: "=") else { return nil }
        let hostname = text[..<equals].trimmingSpaces
        let paths = text[text.index(after: equals)...]
        guard let colon = paths.lastIndex(of: ":") else { return nil }
        let certificate = paths[..<colon].trimmingSpaces
        let key = paths[paths.index(after: colon)...].trimmingSpaces
        guard !hostname.isEmpty, !hostname.contains(" "), !certificate.isEmpty, !key.isEmpty else { return nil }
        return SNICertificate(hostname: hostname, certificate: certificate, privateKey: key)
    }
}

extension Substring {
    /// The text without leading and trailing spaces.
    var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
