internal import COpenSSL

// Every OpenSSL callback of the Crypto module lives in this file (STYLE.md: C callbacks in one place,
// file-scope functions, each recovering its Swift owner from the context pointer).

/// SNI: switch the connection to the context registered for the requested host name.
func tlsServerNameCallback(_ ssl: OpaquePointer?, _ alert: UnsafeMutablePointer<Int32>?, _ arg: UnsafeMutableRawPointer?) -> Int32 {
    guard let ssl, let arg else { return SSL_TLSEXT_ERR_NOACK }
    let owner = Unmanaged<TLSServerContext>.fromOpaque(arg).takeUnretainedValue()
    guard let name = SSL_get_servername(ssl, TLSEXT_NAMETYPE_host_name) else { return SSL_TLSEXT_ERR_NOACK }
    if let context = owner.sniContexts[String(cString: name).lowercased()] {
        SSL_set_SSL_CTX(ssl, context.raw)
    }
    return SSL_TLSEXT_ERR_OK
}

/// Handshake metrics: done, or a fatal alert we sent.
func tlsInfoCallback(_ ssl: OpaquePointer?, _ location: Int32, _ value: Int32) {
    guard let ssl, let ctx = SSL_get_SSL_CTX(ssl), let raw = SSL_CTX_get_ex_data(ctx, 0) else { return }
    let owner = Unmanaged<TLSServerContext>.fromOpaque(raw).takeUnretainedValue()
    guard let observer = owner.handshakeObserver else { return }
    if location & SSL_CB_HANDSHAKE_DONE != 0 {
        observer(true)
    } else if location & SSL_CB_ALERT != 0, location & SSL_CB_WRITE != 0, (value >> 8) == 2 {
        // Alert level 2 is fatal: the handshake (or connection) failed on our side.
        observer(false)
    }
}
