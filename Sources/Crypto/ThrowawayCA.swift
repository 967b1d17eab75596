internal import COpenSSL

/// A throw-away certificate authority and one server certificate it signed, as PEM text (for
/// `stackbridge demo --https`). The CA's private key exists only while `issue` runs, so nothing else can
/// ever be signed by it: trusting the CA certificate trusts this one server certificate.
public struct ThrowawayCA: Sendable {
    /// The CA certificate that clients trust (`AWS_CA_BUNDLE`, `REQUESTS_CA_BUNDLE`, ...).
    public let caCertificatePEM: String
    /// The server certificate, signed by the CA, for `hosts`.
    public let serverCertificatePEM: String
    /// The server's private key (PKCS#8 PEM); only ever write it to a file readable by its owner alone.
    public let serverPrivateKeyPEM: String

    /// The longest validity `issue` accepts, in days.
    public static let maxDays = 825

    /// Generates a P-256 CA and a P-256 server certificate for `hosts` (DNS names or IP addresses, the
    /// first one also the common name), valid from an hour ago for `days` days.
    public static func issue(hosts: [String], days: Int = 30, caName: String = "StackBridge demo CA") throws(TLSError) -> ThrowawayCA {
        guard let first = hosts.first else { throw TLSError.openssl("ThrowawayCA.issue", "no host names") }
        guard (1...maxDays).contains(days) else { throw TLSError.openssl("ThrowawayCA.issue", "days must be 1...\(maxDays)") }
        // The names go into an OpenSSL extension string where "," and ":" are syntax: allow host characters only.
        for host in hosts where host.isEmpty || !host.utf8.allSatisfy(isHostByte) || host.utf8.count > 253 {
            throw TLSError.openssl("ThrowawayCA.issue", "not a host name: \(host)")
        }
        // RFC 5280's upper bound for a common name.
        guard (1...64).contains(caName.utf8.count), first.utf8.count <= 64 else {
            throw TLSError.openssl("ThrowawayCA.issue", "a common name must be 1...64 bytes")
        }
        let caKey = try newKey()
        defer { EVP_PKEY_free(caKey) }
        let serverKey = try newKey()
        defer { EVP_PKEY_free(serverKey) }

        let ca = try certificate(subject: caName, key: caKey, days: days)
        defer { X509_free(ca) }
        guard X509_set_issuer_name(ca, X509_get_subject_name(ca)) == 1 else { throw failure("X509_set_issuer_name") }
        try addExtensions(
            to: ca, issuer: ca,
            [
                (NID_basic_constraints, "critical,CA:TRUE,pathlen:0"), (NID_key_usage, "critical,keyCertSign,cRLSign"),
                (NID_subject_key_identifier, "hash"),
            ])
        try sign(ca, with: caKey)

        let server = try certificate(subject: first, key: serverKey, days: days)
        defer { X509_free(server) }
        guard X509_set_issuer_name(server, X509_get_subject_name(ca)) == 1 else { throw failure("X509_set_issuer_name") }
        let alternativeNames = hosts.map { (isIPAddress($0) ? "IP:" : "DNS:") + $0 }.joined(separator: ",")
        try addExtensions(
            to: server, issuer: ca,
            [
                (NID_basic_constraints, "critical,CA:FALSE"), (NID_key_usage, "critical,digitalSignature"),
                (NID_ext_key_usage, "serverAuth"), (NID_subject_key_identifier, "hash"),
                (NID_authority_key_identifier, "keyid:always"), (NID_subject_alt_name, alternativeNames),
            ])
        try sign(server, with: caKey)

        return ThrowawayCA(
            caCertificatePEM: try pem("PEM_write_bio_X509") { PEM_write_bio_X509($0, ca) },
            serverCertificatePEM: try pem("PEM_write_bio_X509") { PEM_write_bio_X509($0, server) },
            serverPrivateKeyPEM: try pem("PEM_write_bio_PrivateKey") { PEM_write_bio_PrivateKey($0, serverKey, nil, nil, 0, nil, nil) })
    }

    /// Whether `host` is an IPv4 or IPv6 address literal (it then goes in the certificate as `IP:`).
    static func isIPAddress(_ host: String) -> Bool {
        host.contains(":") || (!host.isEmpty && host.utf8.allSatisfy { $0 == UInt8(ascii: ".") || (0x30...0x39).contains($0) })
    }

    private static func isHostByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        case UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: ":"): true
        default: false
        }
    }

    /// A fresh P-256 key (the caller frees it).
    private static func newKey() throws(TLSError) -> OpaquePointer {
        guard let context = EVP_PKEY_CTX_new_from_name(nil, "EC", nil) else { throw failure("EVP_PKEY_CTX_new_from_name") }
        defer { EVP_PKEY_CTX_free(context) }
        guard EVP_PKEY_keygen_init(context) == 1, EVP_PKEY_CTX_set_group_name(context, "P-256") == 1 else {
            throw failure("EVP_PKEY_keygen_init")
        }
        var key: OpaquePointer?
        guard EVP_PKEY_generate(context, &key) == 1, let key else { throw failure("EVP_PKEY_generate") }
        return key
    }

    /// A v3 certificate for `key` named `subject`, with a random serial and the validity set (the caller frees it).
    private static func certificate(subject: String, key: OpaquePointer, days: Int) throws(TLSError) -> OpaquePointer {
        guard let x509 = X509_new() else { throw failure("X509_new") }
        // RFC 5280 §4.1.2.2: a positive serial of at most 20 bytes, unique per CA (this CA signs once).
        var serial: UInt64 = 0
        for byte in SecureRandom.bytes(8) { serial = serial << 8 | UInt64(byte) }
        serial = serial & 0x7fff_ffff_ffff_ffff | 1
        let name = X509_NAME_new()
        defer { X509_NAME_free(name) }
        let utf8 = Array(subject.utf8)
        guard X509_set_version(x509, 2) == 1, ASN1_INTEGER_set_uint64(X509_get_serialNumber(x509), serial) == 1,
            X509_gmtime_adj(X509_getm_notBefore(x509), -3600) != nil,
            X509_gmtime_adj(X509_getm_notAfter(x509), days * 86_400) != nil,
            X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, utf8, Int32(utf8.count), -1, 0) == 1,
            X509_set_subject_name(x509, name) == 1, X509_set_pubkey(x509, key) == 1
        else {
            X509_free(x509)
            throw failure("X509 fields")
        }
        return x509
    }

    private static func addExtensions(to x509: OpaquePointer, issuer: OpaquePointer, _ extensions: [(Int32, String)]) throws(TLSError) {
        var context = X509V3_CTX()
        X509V3_set_ctx(&context, issuer, x509, nil, nil, 0)
        for (nid, value) in extensions {
            guard let ext = X509V3_EXT_conf_nid(nil, &context, nid, value) else { throw failure("X509V3_EXT_conf_nid(\(value))") }
            defer { X509_EXTENSION_free(ext) }
            guard X509_add_ext(x509, ext, -1) == 1 else { throw failure("X509_add_ext") }
        }
    }

    private static func sign(_ x509: OpaquePointer, with key: OpaquePointer) throws(TLSError) {
        guard X509_sign(x509, key, EVP_sha256()) > 0 else { throw failure("X509_sign") }
    }

    /// Runs `write` into a memory BIO and returns what it wrote.
    private static func pem(_ call: String, _ write: (OpaquePointer) -> Int32) throws(TLSError) -> String {
        guard let bio = BIO_new(BIO_s_mem()) else { throw failure("BIO_new") }
        defer { BIO_free(bio) }
        guard write(bio) == 1 else { throw failure(call) }
        let pending = Int(BIO_ctrl_pending(bio))
        var out = [UInt8](repeating: 0, count: pending)
        let read = out.withUnsafeMutableBytes { BIO_read(bio, $0.baseAddress, Int32(pending)) }
        guard read == pending else { throw failure("BIO_read") }
        return String(decoding: out, as: UTF8.self)
    }

    private static func failure(_ call: String) -> TLSError {
        TLSError.openssl(call, TLSError.drain())
    }
}
