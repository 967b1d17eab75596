import Testing

@testable import GCE

/// Defect 3 of issue #11: a redirect URI with userinfo (`http://localhost:1@evil.example/cb`) passed as
/// loopback and the code went to evil.example. Each row is a URI and whether the policy may redirect to it.
@Suite("Redirect URIs: loopback exactly as RFC 8252 §7.3 allows, registered URIs exactly, nothing else")
struct RedirectPolicyTests {
    static let policy = RedirectPolicy(registered: ["https://app.example.org/oauth", "http://app.example.org:8443/cb?x=1"])

    static let hostile: [String] = [
        // Userinfo: a browser sends the request (and the code) to the host after the "@".
        "http://localhost:1@evil.example/cb", "http://127.0.0.1:80@evil.example/cb", "http://[::1]:1@evil.example/cb",
        "http://localhost@evil.example/", "http://user:pass@localhost/cb", "http://@localhost/cb",
        "http://localhost:1@evil.example", "http://evil.example@localhost:1@evil.example/",
        "https://app.example.org@evil.example/oauth",
        // Percent-encoded host tricks.
        "http://localhost%2F@evil.example/", "http://localhost%40evil.example/", "http://%6C%6Fcalhost/cb",
        "http://127.0.0.1%2Eevil.example/", "http://[::1%25eth0]/cb", "http://localhost%00.evil.example/",
        // Backslashes: WHATWG parsers read them as "/", so "localhost\@evil" is evil's path... or its host.
        "http://localhost\\@evil.example/", "http://evil.example\\@localhost/", "http://localhost:1\\.evil.example/",
        "http:\\\\localhost/cb",
        // Missing or other scheme, scheme-relative, opaque.
        "localhost:8080/cb", "//localhost/cb", "127.0.0.1/cb", "http:/localhost/cb", "http:localhost/cb", "ftp://localhost/",
        "javascript:alert(1)//localhost/", "data:text/html,<script>", "HTTP://localhost/cb", "https://localhost/cb",
        "http://", "", "urn:ietf:wg:oauth:2.0:oob", "urn:ietf:wg:oauth:2.0:oob:auto",
        // Hosts that only start like loopback, or loopback spelled another way.
        "http://localhost.evil.example/cb", "http://127.0.0.1.evil.example/cb", "http://localhost-evil.example/",
        "http://127.0.0.1.nip.io/", "http://127.1/cb", "http://0x7f000001/cb", "http://2130706433/", "http://0.0.0.0/cb",
        "http://LOCALHOST/cb", "http://[::ffff:127.0.0.1]/cb", "http://[0:0:0:0:0:0:0:1]/cb", "http://[::1/cb",
        "http://[::1]evil.example/", "http://[evil.example]/", "http://evil.example/cb",
        // Ports: empty, zero, too large, signed, too long, two of them.
        "http://localhost:/cb", "http://localhost:0/cb", "http://localhost:65536/cb", "http://localhost:+80/",
        "http://localhost:000080/", "http://localhost:80:81/", "http://[::1]:/cb", "http://[::1]:99999/",
        // Fragments (RFC 6749 §3.1.2), also after a registered URI.
        "http://localhost/cb#frag", "http://127.0.0.1:8080/#", "https://app.example.org/oauth#x",
        // Characters that would break the Location header or hide the host.
        "http://localhost/cb\r\nSet-Cookie: a=b", "http://localhost/c b", "http://local host/", "http://localhost\t/",
        "http://localhöst/", "http://localhost/cb\u{0}", "http://localhost/<script>",
        // Near misses of registered URIs (exact match only).
        "https://app.example.org/oauth/other", "https://app.example.org/oauth?", "https://app.example.org/OAuth",
        "http://app.example.org/oauth", "https://app.example.org:443/oauth", "http://app.example.org:8443/cb?x=2",
        // Too long to echo in a header.
        "http://localhost/" + String(repeating: "a", count: 3000),
    ]

    static let legitimate: [String] = [
        "http://localhost", "http://localhost/", "http://localhost:8080", "http://localhost:8080/",
        "http://127.0.0.1:8087/cb", "http://127.0.0.1/cb?state=1&x=%20y", "http://[::1]:65535/oauth2callback",
        "http://[::1]/", "http://127.0.0.1:1/", "http://localhost:9000/a/b;c=d/e?f=g:h@i",
        "http://localhost?only=query", "http://127.0.0.1:080/",
        "https://app.example.org/oauth", "http://app.example.org:8443/cb?x=1",
    ]

    @Test(arguments: hostile)
    func hostileRedirectURIsAreRefused(_ uri: String) {
        #expect(!Self.policy.allows(uri))
    }

    @Test(arguments: legitimate)
    func loopbackAndRegisteredRedirectURIsAreAllowed(_ uri: String) {
        #expect(Self.policy.allows(uri))
    }

    @Test func outOfBandIsAllowedOnlyWhenConfigured() {
        #expect(RedirectPolicy(registered: [RedirectPolicy.outOfBand]).allows("urn:ietf:wg:oauth:2.0:oob"))
        #expect(!RedirectPolicy(registered: [RedirectPolicy.outOfBand]).allows("urn:ietf:wg:oauth:2.0:oob:auto"))
        #expect(!RedirectPolicy(registered: []).allows("urn:ietf:wg:oauth:2.0:oob"))
    }

    @Test func partsAreReadAsRFC3986ReadsThem() throws {
        let uri = try #require(RedirectURI("http://localhost:1@evil.example:8080/cb?x=1#f"))
        #expect(uri.userinfo == "localhost:1")
        #expect(uri.host == "evil.example")
        #expect(uri.port == 8080)
        #expect(uri.pathAndQuery == "/cb?x=1")
        #expect(uri.fragment == "f")
        let v6 = try #require(RedirectURI("http://[::1]:4242?q"))
        #expect(v6.host == "[::1]")
        #expect(v6.port == 4242)
        #expect(v6.pathAndQuery == "?q")
        #expect(v6.userinfo == nil)
    }

    @Test func theAuthorizeEndpointAnswers400AndNeverRedirectsForUserinfoURIs() async throws {
        let bridge = try TestBridge()
        for uri in ["http://localhost:1@evil.example/cb", "http://127.0.0.1:80@evil.example/cb", "http://[::1]:1@evil.example/cb"] {
            let page = await bridge.send(
                .get, "/oauth2/auth?client_id=\(bridge.user.apiKey)&response_type=code&redirect_uri=\(FormFields.encode(uri))")
            #expect(page.status == 400, "\(uri)")
            #expect(page.headers["location"] == nil)
            let (consent, query) = await OAuthTests.authorize(
                bridge, redirect: uri,
                extra: [("code_challenge", "attacker-chosen-verifier-0123456789-abcdefghijk"), ("code_challenge_method", "plain")])
            #expect(consent.status == 400, "\(uri)")
            #expect(consent.headers["location"] == nil)
            #expect(query["code"] == nil)
        }
    }
}
