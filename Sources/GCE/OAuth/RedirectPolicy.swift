/// Which redirect URIs the authorization endpoint may send a code to: a loopback URI (RFC 8252 §7.3: `http`,
/// host exactly `127.0.0.1`, `[::1]` or `localhost`, any port, any path) or one of the configured URIs exactly.
/// Every URI must parse as a `RedirectURI` without userinfo or fragment (RFC 6749 §3.1.2), except the
/// out-of-band URI, which is allowed only when configured. Anything else is refused without redirecting.
struct RedirectPolicy: Sendable {
    let registered: Set<String>

    /// The out-of-band "redirect": the code is shown on a page for the person to copy.
    static let outOfBand = "urn:ietf:wg:oauth:2.0:oob"

    /// The loopback hosts, exactly as written: `127.1`, `0x7f000001`, `[::ffff:127.0.0.1]` or `LOCALHOST` are
    /// the same interface to some resolvers but are not what RFC 8252 names, so they are not loopback here.
    static let loopbackHosts: Set<String> = ["127.0.0.1", "[::1]", "localhost"]

    func allows(_ uri: String) -> Bool {
        if uri == Self.outOfBand { return registered.contains(uri) }
        guard let parsed = RedirectURI(uri), parsed.userinfo == nil, parsed.fragment == nil else { return false }
        if registered.contains(uri) { return true }
        return parsed.scheme == "http" && Self.loopbackHosts.contains(parsed.host)
    }
}
