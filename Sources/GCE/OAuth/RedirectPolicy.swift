/// Which redirect URIs the authorization endpoint may send a code to: loopback (any port, RFC 8252 §7.3) or
/// one of the configured URIs exactly. Anything else is refused without redirecting.
struct RedirectPolicy: Sendable {
    let registered: Set<String>

    func allows(_ uri: String) -> Bool {
        if registered.contains(uri) { return true }
        for prefix in ["http://127.0.0.1", "http://localhost", "http://[::1]"] where uri.hasPrefix(prefix) {
            let rest = uri.dropFirst(prefix.count)
            guard let next = rest.first else { return true }
            // "http://localhost.evil.example" must not pass as loopback.
            return next == ":" || next == "/" || next == "?"
        }
        return false
    }
}
