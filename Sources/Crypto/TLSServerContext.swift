internal import COpenSSL
import Synchronization

/// Owns one server `SSL_CTX`: TLS 1.2 and 1.3 only, a modern cipher list, a certificate chain and key.
///
/// Optional SNI contexts answer for other host names; the default context picks them in the
/// servername callback. Freed when the last connection using it is gone (OpenSSL reference counts).
public final class TLSServerContext: @unchecked Sendable {
    /// The `SSL_CTX*`.
    package let raw: OpaquePointer

    /// The TLS 1.2 cipher list: ECDHE with AES-GCM or ChaCha20-Poly1305 only (TLS 1.3 suites are OpenSSL's defaults).
    public static let cipherList =
        "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:"
        + "ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305"

    /// Loads a certificate chain and private key (PEM files) plus optional SNI certificates.
    public init(
        certificateChainFile: String, privateKeyFile: String,
        sni: [(hostname: String, certificateChainFile: String, privateKeyFile: String)] = [],
        handshakeObserver: (@Sendable (Bool) -> Void)? = nil
    ) throws(TLSError) {
        var contexts: [String: TLSServerContext] = [:]
        for entry in sni {
            contexts[entry.hostname.lowercased()] = try TLSServerContext(
                certificateChainFile: entry.certificateChainFile, privateKeyFile: entry.privateKeyFile,
                handshakeObserver: handshakeObserver)
        }
        guard let ctx = SSL_CTX_new(TLS_server_method()) else { throw TLSError.openssl("SSL_CTX_new", TLSError.drain()) }
        self.raw = ctx
        guard sb_ssl_ctx_set_min_proto(ctx, sb_tls1_2_version()) == 1,
            sb_ssl_ctx_set_max_proto(ctx, sb_tls1_3_version()) == 1
        else { throw TLSError.openssl("SSL_CTX_set_min_proto_version", TLSError.drain()) }
        _ = sb_ssl_ctx_set_options(ctx, sb_ssl_op_no_compression() | sb_ssl_op_no_renegotiation() | sb_ssl_op_cipher_server_preference())
        guard SSL_CTX_set_cipher_list(ctx, TLSServerContext.cipherList) == 1 else {
            throw TLSError.openssl("SSL_CTX_set_cipher_list", TLSError.drain())
        }
        guard SSL_CTX_use_certificate_chain_file(ctx, certificateChainFile) == 1 else {
            throw TLSError.certificate(certificateChainFile, TLSError.drain())
        }
        guard SSL_CTX_use_PrivateKey_file(ctx, privateKeyFile, SSL_FILETYPE_PEM) == 1 else {
            throw TLSError.privateKey(privateKeyFile, TLSError.drain())
        }
        guard SSL_CTX_check_private_key(ctx) == 1 else {
            throw TLSError.privateKey(privateKeyFile, "does not match the certificate")
        }
        // Ownership: the SSL_CTX holds one retain of its hooks, released by tlsHooksFree when OpenSSL
        // frees the SSL_CTX, which is after the last connection using it: a reload that drops this
        // Swift object while old connections still run must not leave their callbacks a dangling pointer.
        let hooks = Unmanaged.passRetained(TLSContextHooks(sniContexts: contexts, handshakeObserver: handshakeObserver)).toOpaque()
        SSL_CTX_set_ex_data(ctx, TLSContextHooks.index, hooks)
        SSL_CTX_set_info_callback(ctx, tlsInfoCallback)
        if !contexts.isEmpty {
            _ = sb_ssl_ctx_set_tlsext_servername_callback(ctx, tlsServerNameCallback)
            _ = sb_ssl_ctx_set_tlsext_servername_arg(ctx, hooks)
        }
    }

    deinit {
        // Drops our reference; OpenSSL frees the SSL_CTX (and its hooks) after its last connection.
        SSL_CTX_free(raw)
    }

    /// A new server-side `SSL*` for one accepted connection (owned by the bufferevent that takes it).
    package func makeSession() -> OpaquePointer? {
        SSL_new(raw)
    }
}

/// What a server `SSL_CTX`'s callbacks need, owned by the `SSL_CTX` itself (see `TLSContextHooks.index`).
final class TLSContextHooks: @unchecked Sendable {
    /// Contexts by lower-cased host name, consulted by the SNI callback (retained: their SSL_CTX must live).
    let sniContexts: [String: TLSServerContext]
    /// Handshake outcome hook, called on the connection's thread.
    let handshakeObserver: (@Sendable (Bool) -> Void)?

    init(sniContexts: [String: TLSServerContext], handshakeObserver: (@Sendable (Bool) -> Void)?) {
        self.sniContexts = sniContexts
        self.handshakeObserver = handshakeObserver
    }

    /// The SSL_CTX ex_data slot holding the hooks; its free function releases them.
    static let index: Int32 = sb_ssl_ctx_ex_new_index(tlsHooksFree)

    /// The hooks of the context an `SSL*` currently uses.
    static func of(_ ssl: OpaquePointer) -> TLSContextHooks? {
        guard let ctx = SSL_get_SSL_CTX(ssl), let raw = SSL_CTX_get_ex_data(ctx, index) else { return nil }
        return Unmanaged<TLSContextHooks>.fromOpaque(raw).takeUnretainedValue()
    }
}

/// Holds the current server context and swaps it on reload; live connections keep the old one.
public final class TLSServerContextHolder: Sendable {
    private let current: Mutex<TLSServerContext>

    /// Starts with `context`.
    public init(_ context: TLSServerContext) {
        current = Mutex(context)
    }

    /// The context new connections use.
    public var context: TLSServerContext {
        current.withLock { $0 }
    }

    /// Replaces the context; connections already accepted keep theirs (OpenSSL reference-counts it).
    public func replace(with context: TLSServerContext) {
        current.withLock { $0 = context }
    }

    /// A new server-side `SSL*` from the current context.
    package func makeSession() -> OpaquePointer? {
        context.makeSession()
    }
}

/// Why a TLS context could not be built.
public enum TLSError: Error, Sendable, CustomStringConvertible {
    /// An OpenSSL call failed.
    case openssl(String, String)
    /// The certificate (chain) file could not be used.
    case certificate(String, String)
    /// The private key file could not be used (the message never includes key material).
    case privateKey(String, String)

    public var description: String {
        switch self {
        case .openssl(let call, let detail): "\(call) failed: \(detail)"
        case .certificate(let path, let detail): "certificate \(path): \(detail)"
        case .privateKey(let path, let detail): "private key \(path): \(detail)"
        }
    }

    /// The OpenSSL error queue as text (and emptied).
    static func drain() -> String {
        var messages: [String] = []
        while true {
            let code = ERR_get_error()
            if code == 0 { break }
            var buffer = [CChar](repeating: 0, count: 256)
            ERR_error_string_n(code, &buffer, buffer.count)
            messages.append(String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        return messages.isEmpty ? "unknown error" : messages.joined(separator: "; ")
    }
}
