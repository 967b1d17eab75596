internal import COpenSSL

/// Owns one client `SSL_CTX` for connections to the management server: verification against the
/// system store or a CA file, TLS 1.2+, optional client certificate.
public final class TLSClientContext: @unchecked Sendable {
    /// The `SSL_CTX*`.
    package let raw: OpaquePointer
    /// Whether peer certificates and host names are verified.
    public let verify: Bool

    /// Builds a client context; `caFile` nil means the system trust store.
    public init(caFile: String? = nil, verify: Bool = true, clientCertificateFile: String? = nil, clientKeyFile: String? = nil)
        throws(TLSError)
    {
        guard let ctx = SSL_CTX_new(TLS_client_method()) else { throw TLSError.openssl("SSL_CTX_new", TLSError.drain()) }
        raw = ctx
        self.verify = verify
        _ = sb_ssl_ctx_set_min_proto(ctx, sb_tls1_2_version())
        if verify {
            SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, nil)
            let loaded = caFile.map { SSL_CTX_load_verify_locations(ctx, $0, nil) } ?? SSL_CTX_set_default_verify_paths(ctx)
            guard loaded == 1 else { throw TLSError.certificate(caFile ?? "system trust store", TLSError.drain()) }
        } else {
            SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, nil)
        }
        if let clientCertificateFile {
            guard SSL_CTX_use_certificate_chain_file(ctx, clientCertificateFile) == 1 else {
                throw TLSError.certificate(clientCertificateFile, TLSError.drain())
            }
            guard let clientKeyFile, SSL_CTX_use_PrivateKey_file(ctx, clientKeyFile, SSL_FILETYPE_PEM) == 1 else {
                throw TLSError.privateKey(clientKeyFile ?? "(missing)", TLSError.drain())
            }
        }
    }

    deinit {
        SSL_CTX_free(raw)
    }

    /// A new client `SSL*` for `host`: SNI set and, when verifying, the host name checked.
    package func makeSession(host: String) -> OpaquePointer? {
        guard let ssl = SSL_new(raw) else { return nil }
        _ = sb_ssl_set_tlsext_host_name(ssl, host)
        if verify {
            SSL_set1_host(ssl, host)
        }
        return ssl
    }
}
