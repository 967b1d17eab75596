import Crypto

/// `stackbridge demo --https`: a throw-away CA and a server certificate it signed for the demo's host names,
/// written into the demo folder (0600), and the HTTPS listener switched on with them. The CA's private key is
/// never written anywhere, so the CA can vouch for nothing else.
enum DemoTLS {
    /// The CA certificate clients trust.
    static let caFileName = "ca.pem"
    /// The server certificate and its key (read by the HTTPS listener).
    static let certificateFileName = "server.pem"
    static let keyFileName = "server.key"
    /// Every file `configure` writes.
    static let fileNames = [caFileName, certificateFileName, keyFileName]

    /// Issues the certificates for localhost, 127.0.0.1, ::1 and the public URL's host, writes them into `folder`,
    /// enables `server.https` with them, and returns the CA file's path.
    static func configure(_ settings: inout Settings, folder: DemoFolder) throws -> String {
        settings.server.https.enabled = true
        var hosts = ["localhost", "127.0.0.1", "::1"]
        if let host = URLParts(settings.server.effectivePublicURL)?.host, !hosts.contains(host) { hosts.append(host) }
        let issued = try ThrowawayCA.issue(hosts: hosts, days: 30)
        let caFile = try folder.write(caFileName, issued.caCertificatePEM)
        settings.server.https.certificate = try folder.write(certificateFileName, issued.serverCertificatePEM)
        settings.server.https.privateKey = try folder.write(keyFileName, issued.serverPrivateKeyPEM)
        return caFile
    }
}
