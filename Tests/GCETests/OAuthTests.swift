import Crypto
import Foundation
import Pipeline
import Testing

@testable import GCE

@Suite("OAuth2: codes, PKCE, redirects, refresh, revocation, expiry, tampering")
struct OAuthTests {
    static let redirect = "http://127.0.0.1:8087/cb"

    static func form(_ fields: [(String, String)]) -> String {
        fields.map { $0.0 + "=" + FormFields.encode($0.1) }.joined(separator: "&")
    }

    static func post(_ bridge: TestBridge, _ path: String, _ fields: [(String, String)]) async -> Response {
        var context = RequestContext(requestID: "test", startNanos: 0)
        let request = Request(
            method: .post, uri: path, headers: Headers([("Content-Type", "application/x-www-form-urlencoded")]),
            body: Array(form(fields).utf8))
        return await bridge.responder.respond(to: request, context: &context)
    }

    static func json(_ response: Response) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(response.body))) as? [String: Any] ?? [:]
    }

    /// Runs the consent form and returns the redirect's query fields.
    static func authorize(_ bridge: TestBridge, secret: String? = nil, redirect: String = redirect, extra: [(String, String)] = [])
        async -> (Response, [String: String])
    {
        let fields =
            [
                ("client_id", bridge.user.apiKey), ("redirect_uri", redirect), ("response_type", "code"),
                ("scope", "https://www.googleapis.com/auth/compute"), ("state", "xyz"), ("decision", "allow"),
                ("secret_key", secret ?? bridge.user.secretKey),
            ] + extra
        let response = await post(bridge, "/o/oauth2/auth", fields)
        var query: [String: String] = [:]
        if let location = response.headers["location"], let q = location.firstIndex(of: "?") {
            for pair in FormFields(location[location.index(after: q)...].utf8).pairs { query[pair.name] = pair.value }
        }
        return (response, query)
    }

    @Test func authorizationPageAndRedirectRules() async throws {
        let bridge = try TestBridge(redirectURIs: ["https://app.example.org/oauth"])
        let page = await bridge.send(
            .get, "/oauth2/auth?client_id=\(bridge.user.apiKey)&redirect_uri=http%3A%2F%2Flocalhost%3A9000%2F&response_type=code&state=s1")
        #expect(page.status == 200)
        #expect(page.headers["content-type"]?.hasPrefix("text/html") == true)
        #expect(String(decoding: page.body, as: UTF8.self).contains("name=\"state\" value=\"s1\""))
        for bad in ["http://evil.example/cb", "http://localhost.evil.example/cb", "https://app.example.org/oauth/other"] {
            let response = await bridge.send(.get, "/oauth2/auth?client_id=k&response_type=code&redirect_uri=\(FormFields.encode(bad))")
            #expect(response.status == 400, "\(bad)")
            #expect(response.headers["location"] == nil)
        }
        let registered = await Self.authorize(bridge, redirect: "https://app.example.org/oauth")
        #expect(registered.0.status == 302)
        #expect(registered.1["state"] == "xyz")
        let wrong = await Self.authorize(bridge, secret: "not-the-secret")
        #expect(wrong.0.status == 401)
        #expect(wrong.0.headers["location"] == nil)
        let denied = await Self.post(
            bridge, "/oauth2/auth",
            [
                ("client_id", bridge.user.apiKey), ("redirect_uri", Self.redirect),
                ("response_type", "code"), ("decision", "deny"), ("state", "q"),
            ])
        #expect(denied.headers["location"] == "\(Self.redirect)?error=access_denied&state=q")
    }

    @Test func codesAreSingleUseBoundAndShortLived() async throws {
        let bridge = try TestBridge()
        let (_, query) = await Self.authorize(bridge)
        let code = try #require(query["code"])
        let exchange: [(String, String)] = [
            ("grant_type", "authorization_code"), ("code", code), ("redirect_uri", Self.redirect),
            ("client_id", bridge.user.apiKey), ("client_secret", bridge.user.secretKey),
        ]
        let mismatch = await Self.post(bridge, "/token", exchange.map { $0.0 == "redirect_uri" ? ($0.0, "http://127.0.0.1:1/other") : $0 })
        #expect(Self.json(mismatch)["error"] as? String == "invalid_grant")
        let otherClient = await Self.post(bridge, "/token", exchange.map { $0.0 == "client_id" ? ($0.0, "someone-else") : $0 })
        #expect(Self.json(otherClient)["error"] as? String == "invalid_client")
        let inQuery = await bridge.send(.post, "/token?" + Self.form(exchange))
        #expect(inQuery.status == 400)
        let first = await Self.post(bridge, "/oauth2/token", exchange)
        #expect(first.status == 200)
        let grant = Self.json(first)
        #expect(grant["token_type"] as? String == "Bearer")
        #expect(grant["expires_in"] as? Int == 3600)
        let access = try #require(grant["access_token"] as? String)
        #expect(grant["refresh_token"] is String)
        #expect(await bridge.send(.get, "/compute/v1/projects/user1/zones", token: access).status == 200)
        let second = await Self.post(bridge, "/o/oauth2/token", exchange)
        #expect(second.status == 400)
        #expect(Self.json(second)["error"] as? String == "invalid_grant")
        // Replaying a code revokes what it produced (RFC 6749 §4.1.2).
        #expect(await bridge.send(.get, "/compute/v1/projects/user1/zones", token: access).status == 401)

        let (_, later) = await Self.authorize(bridge)
        bridge.clock.advance(seconds: 301)
        let expired = await Self.post(bridge, "/token", exchange.map { $0.0 == "code" ? ($0.0, later["code"] ?? "") : $0 })
        #expect(Self.json(expired)["error"] as? String == "invalid_grant")
    }

    @Test(arguments: ["S256", "plain"])
    func pkceIsHonoured(_ method: String) async throws {
        let bridge = try TestBridge()
        let verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
        let challenge =
            method == "S256" ? Base64.encode(Digest.hash(.sha256, Array(verifier.utf8)), urlSafe: true, padding: false) : verifier
        #expect(method != "S256" || challenge == "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")
        let (_, query) = await Self.authorize(bridge, extra: [("code_challenge", challenge), ("code_challenge_method", method)])
        let code = try #require(query["code"])
        let base: [(String, String)] = [
            ("grant_type", "authorization_code"), ("code", code), ("redirect_uri", Self.redirect),
            ("client_id", bridge.user.apiKey),
        ]
        #expect(Self.json(await Self.post(bridge, "/token", base))["error"] as? String == "invalid_grant")
        #expect(
            Self.json(await Self.post(bridge, "/token", base + [("code_verifier", String(repeating: "a", count: 43))]))["error"] as? String
                == "invalid_grant")
        let good = await Self.post(bridge, "/token", base + [("code_verifier", verifier)])
        #expect(good.status == 200)
    }

    @Test func refreshRevokeExpiryAndTampering() async throws {
        let bridge = try TestBridge()
        let (_, query) = await Self.authorize(bridge)
        let grant = Self.json(
            await Self.post(
                bridge, "/token",
                [
                    ("grant_type", "authorization_code"), ("code", query["code"] ?? ""), ("redirect_uri", Self.redirect),
                    ("client_id", bridge.user.apiKey), ("client_secret", bridge.user.secretKey),
                ]))
        let access = try #require(grant["access_token"] as? String)
        let refresh = try #require(grant["refresh_token"] as? String)

        var tampered = Array(access.utf8)
        tampered[tampered.count / 2] = tampered[tampered.count / 2] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
        let forged = await bridge.send(.get, "/compute/v1/projects/user1/zones", token: String(decoding: tampered, as: UTF8.self))
        #expect(forged.status == 401)
        #expect(forged.headers["www-authenticate"]?.hasPrefix("Bearer") == true)
        #expect(await bridge.send(.get, "/compute/v1/projects/user1/zones", token: refresh).status == 401)
        #expect(await bridge.send(.get, "/compute/v1/projects/user1/zones").status == 401)

        let info = await bridge.send(.get, "/oauth2/tokeninfo?access_token=\(access)")
        #expect(Self.json(info)["aud"] as? String == bridge.user.apiKey)

        bridge.clock.advance(seconds: 3601)
        #expect(await bridge.send(.get, "/compute/v1/projects/user1/zones", token: access).status == 401)
        let refreshed = await Self.post(
            bridge, "/token",
            [
                ("grant_type", "refresh_token"), ("refresh_token", refresh),
                ("client_id", bridge.user.apiKey), ("client_secret", bridge.user.secretKey),
            ])
        #expect(refreshed.status == 200)
        let renewed = try #require(Self.json(refreshed)["access_token"] as? String)
        #expect(Self.json(refreshed)["refresh_token"] as? String == refresh)
        #expect(await bridge.send(.get, "/compute/v1/projects/user1/zones", token: renewed).status == 200)
        let wrongSecret = await Self.post(
            bridge, "/token",
            [
                ("grant_type", "refresh_token"), ("refresh_token", refresh),
                ("client_id", bridge.user.apiKey), ("client_secret", "nope"),
            ])
        #expect(wrongSecret.status == 401)

        let revoke = await Self.post(bridge, "/oauth2/revoke", [("token", refresh)])
        #expect(revoke.status == 200)
        #expect(await bridge.send(.get, "/compute/v1/projects/user1/zones", token: renewed).status == 401)
        let afterRevoke = await Self.post(
            bridge, "/token",
            [
                ("grant_type", "refresh_token"), ("refresh_token", refresh),
                ("client_id", bridge.user.apiKey), ("client_secret", bridge.user.secretKey),
            ])
        #expect(Self.json(afterRevoke)["error"] as? String == "invalid_grant")
        #expect(await Self.post(bridge, "/oauth2/revoke", [("token", "garbage")]).status == 400)
    }

    @Test func keyPairsNeedCloudStacksApproval() async throws {
        let bridge = try TestBridge()
        await #expect(throws: GCEError.self) {
            _ = try await bridge.pipeline.tokenIssuer.issueToken(apiKey: bridge.user.apiKey, secretKey: "wrong")
        }
        let token = try await bridge.pipeline.tokenIssuer.issueToken(apiKey: bridge.user.apiKey, secretKey: bridge.user.secretKey)
        #expect(token.hasPrefix("sb1."))
        #expect(!token.contains(bridge.user.secretKey))
        let other = try GCEPipeline(
            configuration: GCEConfiguration(publicBaseURL: TestBridge.base, tokenKey: Array(repeating: 9, count: 32)),
            client: bridge.client, clock: bridge.clock.clock)
        var context = RequestContext(requestID: "x", startNanos: 0)
        let foreign = await PhasedResponder(other).respond(
            to: Request(method: .get, uri: "/compute/v1/projects/user1/zones", headers: Headers([("Authorization", "Bearer " + token)])),
            context: &context)
        #expect(foreign.status == 401)
        #expect(throws: (any Error).self) {
            _ = try GCEPipeline(
                configuration: GCEConfiguration(publicBaseURL: TestBridge.base, tokenKey: [1, 2, 3]), client: bridge.client)
        }
    }

    @Test func jwtBearerGrantWithAServiceKey() async throws {
        let bridge = try TestBridge()
        let key = try await bridge.pipeline.tokenIssuer.serviceKey(apiKey: bridge.user.apiKey, secretKey: bridge.user.secretKey)
        func assertion(iss: String, aud: String, lifetime: Int64 = 3600, signingKey: String = key.signingKey) -> String {
            let now = bridge.clock.epochSeconds
            let header = Base64.encode(
                Array("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"\(key.keyID)\"}".utf8), urlSafe: true, padding: false)
            let claims = Base64.encode(
                Array(
                    "{\"iss\":\"\(iss)\",\"aud\":\"\(aud)\",\"scope\":\"https://www.googleapis.com/auth/compute\",\"iat\":\(now),\"exp\":\(now + lifetime)}"
                        .utf8),
                urlSafe: true, padding: false)
            let secret = JWTBearer.base64URL(signingKey) ?? []
            let signature = HMAC.authenticate(.sha256, key: secret, message: Array((header + "." + claims).utf8))
            return header + "." + claims + "." + Base64.encode(signature, urlSafe: true, padding: false)
        }
        let grant = "urn:ietf:params:oauth:grant-type:jwt-bearer"
        let good = await Self.post(
            bridge, "/token", [("grant_type", grant), ("assertion", assertion(iss: bridge.user.apiKey, aud: "\(TestBridge.base)/token"))])
        #expect(good.status == 200, "\(Self.json(good))")
        let access = try #require(Self.json(good)["access_token"] as? String)
        #expect(await bridge.send(.get, "/compute/v1/projects/user1/zones", token: access).status == 200)
        for bad in [
            assertion(iss: "someone", aud: "\(TestBridge.base)/token"), assertion(iss: bridge.user.apiKey, aud: "https://elsewhere/x"),
            assertion(iss: bridge.user.apiKey, aud: "\(TestBridge.base)/token", lifetime: 7200),
            assertion(iss: bridge.user.apiKey, aud: "\(TestBridge.base)/token", signingKey: "AAAA"),
        ] {
            let response = await Self.post(bridge, "/token", [("grant_type", grant), ("assertion", bad)])
            #expect(Self.json(response)["error"] as? String == "invalid_grant")
        }
    }

    @Test func revocationReachesOtherInstancesThroughCloudStack() async throws {
        let bridge = try TestBridge()
        // A second bridge instance: same token key, same CloudStack, no shared memory.
        let other = TestBridge.dispatcher(
            try GCEPipeline(
                configuration: GCEConfiguration(publicBaseURL: TestBridge.base, tokenKey: TestBridge.tokenKey), client: bridge.client,
                clock: bridge.clock.clock))
        func send(_ responder: ClosureResponder, _ path: String, form: [(String, String)]? = nil, token: String? = nil) async
            -> Response
        {
            var headers = Headers()
            if let token { headers.add("Authorization", "Bearer " + token) }
            if form != nil { headers.add("Content-Type", "application/x-www-form-urlencoded") }
            var context = RequestContext(requestID: "x", startNanos: 0)
            return await responder.respond(
                to: Request(method: form == nil ? .get : .post, uri: path, headers: headers, body: Array(Self.form(form ?? []).utf8)),
                context: &context)
        }
        let (_, query) = await Self.authorize(bridge)
        let grant = Self.json(
            await Self.post(
                bridge, "/token",
                [
                    ("grant_type", "authorization_code"), ("code", query["code"] ?? ""), ("redirect_uri", Self.redirect),
                    ("client_id", bridge.user.apiKey), ("client_secret", bridge.user.secretKey),
                ]))
        let access = try #require(grant["access_token"] as? String)
        let refresh = try #require(grant["refresh_token"] as? String)
        #expect(await send(other, "/compute/v1/projects/user1/zones", token: access).status == 200)
        #expect(await send(other, "/oauth2/revoke", form: [("token", refresh)]).status == 200)
        #expect(await send(other, "/compute/v1/projects/user1/zones", token: access).status == 401)
        // The first instance still accepts the live access token (documented), but no longer renews the grant.
        #expect(await bridge.send(.get, "/compute/v1/projects/user1/zones", token: access).status == 200)
        let renewal = await Self.post(
            bridge, "/token",
            [
                ("grant_type", "refresh_token"), ("refresh_token", refresh), ("client_id", bridge.user.apiKey),
                ("client_secret", bridge.user.secretKey),
            ])
        #expect(Self.json(renewal)["error"] as? String == "invalid_grant")
        #expect(await bridge.send(.get, "/compute/v1/projects/user1/zones", token: access).status == 401)
    }
}
