internal import COpenSSL

// Every OpenSSL callback of the Crypto module lives in this file (STYLE.md: C callbacks in one place,
// file-scope functions, each recovering its Swift owner from the context pointer).

/// SNI: switch the connection to the context registered for the requested host name.
func tlsServerNameCallback(_ ssl: OpaquePointer?, _ alert: UnsafeMutablePointer<Int32>?, _ arg: UnsafeMutableRawPointer?) -> Int32 {
    guard let ssl, let arg else { return SSL_TLSEXT_ERR_NOACK }
    let hooks = Unmanaged<TLSContextHooks>.fromOpaque(arg).takeUnretainedValue()
    guard let name = SSL_get_servername(ssl, TLSEXT_NAMETYPE_host_name) else { return SSL_TLSEXT_ERR_NOACK }
    if let context = hooks.sniContexts[String(cString: name).lowercased()] {
        SSL_set_SSL_CTX(ssl, context.raw)
    }
    return SSL_TLSEXT_ERR_OK
}

/// Handshake metrics: done, or a fatal alert we sent.
func tlsInfoCallback(_ ssl: OpaquePointer?, _ location: Int32, _ value: Int32) {
    guard let ssl, let observer = TLSContextHooks.of(ssl)?.handshakeObserver else { return }
    if location & SSL_CB_HANDSHAKE_DONE != 0 {
        observer(true)
    } else if location & SSL_CB_ALERT != 0, location & SSL_CB_WRITE != 0, (value >> 8) == 2, SSL_get_peer_finished(ssl, nil, 0) == 0 {
        // A fatal alert (level 2) we sent before the peer's Finished arrived: the handshake failed.
        // Alerts on an established connection (a peer closing mid-record, say) are not handshakes;
        // SSL_is_init_finished cannot tell them apart because an error resets the state machine.
        observer(false)
    }
}

/// OpenSSL is freeing an SSL_CTX: release the hooks it owned.
func tlsHooksFree(
    _ parent: UnsafeMutableRawPointer?, _ pointer: UnsafeMutableRawPointer?, _ data: UnsafeMutablePointer<CRYPTO_EX_DATA>?,
    _ index: Int32, _ argl: Int, _ argp: UnsafeMutableRawPointer?
) {
    guard let pointer else { return }
    // Ownership: takes back the retain passed when the context was built.
    Unmanaged<TLSContextHooks>.fromOpaque(pointer).release()
}
