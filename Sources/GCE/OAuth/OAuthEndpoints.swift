import Crypto
import JSON
import Pipeline

/// `/oauth2/auth`, `/oauth2/token` (+ `/o/oauth2/token`, `/token`), `/oauth2/revoke` and `/oauth2/tokeninfo`.
struct OAuthEndpoints: Sendable {
    /// The endpoint a path names.
    enum Endpoint: Sendable {
        case authorize, token, revoke, tokenInfo
        /// StackBridge's own: a service-account key file for the caller (bearer token), like IAM's keys.create.
        case serviceAccountKey
    }

    let service: TokenService
    let redirects: RedirectPolicy

    static func endpoint(for path: Substring) -> Endpoint? {
        switch path {
        case "/oauth2/auth", "/o/oauth2/auth", "/o/oauth2/v2/auth", "/oauth2/v2/auth": .authorize
        case "/oauth2/token", "/o/oauth2/token", "/token", "/oauth2/v4/token": .token
        case "/oauth2/revoke", "/o/oauth2/revoke": .revoke
        case "/oauth2/tokeninfo", "/oauth2/v1/tokeninfo", "/oauth2/v3/tokeninfo": .tokenInfo
        case "/oauth2/serviceAccountKeys": .serviceAccountKey
        default: nil
        }
    }

    func respond(_ endpoint: Endpoint, _ request: Request) async -> Response {
        var fields = FormFields(request.rawQuery.utf8)
        if request.method == .post {
            for pair in FormFields(request.body).pairs { fields.append(pair) }
        }
        switch endpoint {
        case .authorize: return await authorize(request.method, fields)
        case .token:
            guard request.method == .post else { return json(405, OAuthError.invalidRequest("use POST").body) }
            do {
                // Only the body: a client secret in the query string would end up in access logs (RFC 6749 §2.3.1).
                return json(200, try await token(FormFields(request.body), authorization: request.headers["authorization"]))
            } catch let error as OAuthError {
                return json(error.status, error.body)
            } catch let error as GCEError {
                return json(error.status, error.body)
            } catch {
                return json(500, OAuthError(status: 500, code: "server_error", detail: "token endpoint failed").body)
            }
        case .revoke:
            guard let token = fields["token"], await service.revoke(token) else {
                return json(400, OAuthError(status: 400, code: "invalid_token", detail: "Token is not valid").body)
            }
            return json(200, Array("{}".utf8))
        case .serviceAccountKey:
            guard request.method == .post else { return json(405, OAuthError.invalidRequest("use POST").body) }
            guard let header = request.headers["authorization"], header.lowercased().hasPrefix("bearer "),
                let claims = try? service.authenticate(bearer: String(header.dropFirst(7)).trimmingSpaces)
            else { return json(401, GCEError.unauthenticated().body) }
            do {
                return json(
                    200,
                    Array(
                        try await TokenIssuer(service: service).serviceAccountKey(apiKey: claims.apiKey, secretKey: claims.secretKey).utf8))
            } catch let error as GCEError {
                return json(error.status, error.body)
            } catch {
                return json(500, GCEError(status: 500, reason: "internalError", message: "could not issue a key").body)
            }
        case .tokenInfo:
            guard let token = fields["access_token"] ?? fields["token"], let claims = service.live(token, .access) else {
                return json(400, OAuthError(status: 400, code: "invalid_token", detail: "Invalid Value").body)
            }
            var w = JSONWriter(reservingCapacity: 256)
            w.beginObject()
            w.member("azp", claims.apiKey)
            w.member("aud", claims.apiKey)
            w.member("scope", claims.scope)
            w.member("exp", String(claims.expiresAt))
            w.member("expires_in", String(max(0, claims.expiresAt - service.clock.epochSeconds)))
            w.member("access_type", "offline")
            w.endObject()
            return json(200, w.take())
        }
    }

    // MARK: Authorization endpoint

    private func authorize(_ method: HTTPMethod, _ fields: FormFields) async -> Response {
        let clientID = fields["client_id"] ?? ""
        let redirectURI = fields["redirect_uri"] ?? ""
        guard !clientID.isEmpty else { return html(400, AuthorizationPage.failure("Missing required parameter: client_id")) }
        guard redirects.allows(redirectURI) else {
            return html(400, AuthorizationPage.failure("The redirect URI is neither loopback nor registered: \(redirectURI)"))
        }
        let state = fields["state"]
        guard fields["response_type"] == "code" else {
            return redirect(redirectURI, [("error", "unsupported_response_type")], state: state)
        }
        let challenge = fields["code_challenge"] ?? ""
        let challengeMethod = fields["code_challenge_method"] ?? (challenge.isEmpty ? "" : "plain")
        guard challengeMethod == "" || challengeMethod == "S256" || challengeMethod == "plain" else {
            return redirect(redirectURI, [("error", "invalid_request")], state: state)
        }
        let scope = fields["scope"] ?? ""
        var carried: [(String, String)] = [
            ("client_id", clientID), ("redirect_uri", redirectURI), ("response_type", "code"),
            ("scope", scope),
        ]
        if let state { carried.append(("state", state)) }
        if !challenge.isEmpty { carried += [("code_challenge", challenge), ("code_challenge_method", challengeMethod)] }
        guard method == .post else { return html(200, AuthorizationPage.form(clientID: clientID, carried: carried)) }
        guard fields["decision"] == "allow" else { return redirect(redirectURI, [("error", "access_denied")], state: state) }
        let apiKey = fields["api_key"] ?? clientID
        let secretKey = fields["secret_key"] ?? ""
        guard apiKey == clientID else {
            return html(400, AuthorizationPage.form(clientID: clientID, carried: carried, message: "The API key must be the client id."))
        }
        let account: String
        do {
            account = try await service.verifyPair(apiKey: apiKey, secretKey: secretKey)
        } catch {
            return html(
                error.status == 401 ? 401 : 503,
                AuthorizationPage.form(
                    clientID: clientID, carried: carried, message: error.status == 401 ? "CloudStack refused this key pair." : error.detail)
            )
        }
        do {
            let code = try service.code(
                apiKey: apiKey, secretKey: secretKey, account: account, redirectURI: redirectURI, scope: scope,
                challenge: challenge, method: challengeMethod)
            if redirectURI == RedirectPolicy.outOfBand {
                return html(200, AuthorizationPage.code(code))
            }
            return redirect(redirectURI, [("code", code), ("scope", scope)], state: state)
        } catch {
            return html(500, AuthorizationPage.failure("Could not issue a code."))
        }
    }

    // MARK: Token endpoint

    private func token(_ fields: FormFields, authorization: String?) async throws -> [UInt8] {
        var clientID = fields["client_id"]
        var clientSecret = fields["client_secret"]
        if let authorization, authorization.lowercased().hasPrefix("basic "),
            let decoded = Base64.decode(authorization.dropFirst(6)),
            let colon = decoded.firstIndex(of: UInt8(ascii: ":"))
        {
            clientID = FormFields.decode(decoded[..<colon])
            clientSecret = FormFields.decode(decoded[(colon + 1)...])
        }
        let grantType = fields["grant_type"] ?? ""
        switch grantType {
        case "authorization_code":
            guard let code = fields["code"] else { throw OAuthError.invalidRequest("Missing required parameter: code") }
            guard let claims = service.live(code, .authorizationCode) else { throw OAuthError.invalidGrant("Malformed auth code.") }
            guard clientID == claims.apiKey else { throw OAuthError.invalidClient("The OAuth client was not found.") }
            guard fields["redirect_uri"] == claims.redirectURI else { throw OAuthError.invalidGrant("Bad Request: redirect_uri_mismatch") }
            if let clientSecret, !ConstantTime.equals(Array(clientSecret.utf8), Array(claims.secretKey.utf8)) {
                throw OAuthError.invalidClient("Unauthorized")
            }
            if !claims.codeChallenge.isEmpty {
                guard let verifier = fields["code_verifier"],
                    PKCE.verify(verifier: verifier, challenge: claims.codeChallenge, method: claims.codeChallengeMethod)
                else { throw OAuthError.invalidGrant("Invalid code verifier.") }
            } else if clientSecret == nil {
                throw OAuthError.invalidClient("client_secret is required without PKCE")
            }
            guard service.usedCodes.insert(claims.tokenID, until: claims.expiresAt, now: service.clock.epochSeconds) else {
                // RFC 6749 §4.1.2: a code used twice revokes what it already produced.
                service.revoked.insert(
                    claims.grantID, until: claims.issuedAt + Int64(service.configuration.refreshTokenLifetimeSeconds),
                    now: service.clock.epochSeconds)
                throw OAuthError.invalidGrant("Bad Request: the code was already redeemed")
            }
            return try service.issue(
                apiKey: claims.apiKey, secretKey: claims.secretKey, scope: claims.scope, account: claims.account,
                grantID: claims.grantID
            ).body
        case "refresh_token":
            guard let token = fields["refresh_token"] else { throw OAuthError.invalidRequest("Missing required parameter: refresh_token") }
            guard let claims = service.live(token, .refresh) else { throw OAuthError.invalidGrant("Token has been expired or revoked.") }
            guard clientID == claims.apiKey else { throw OAuthError.invalidClient("The OAuth client was not found.") }
            if let clientSecret, !ConstantTime.equals(Array(clientSecret.utf8), Array(claims.secretKey.utf8)) {
                throw OAuthError.invalidClient("Unauthorized")
            }
            // The key pair may have been rotated since: CloudStack must still accept it. Another instance may
            // have revoked the grant.
            let account = try await service.verifyPair(apiKey: claims.apiKey, secretKey: claims.secretKey)
            try await service.checkNotRevoked(claims)
            var grant = try service.issue(
                apiKey: claims.apiKey, secretKey: claims.secretKey, scope: fields["scope"] ?? claims.scope,
                account: account, grantID: claims.grantID)
            grant.refreshToken = token
            return grant.body
        case "urn:ietf:params:oauth:grant-type:jwt-bearer":
            guard let assertion = fields["assertion"] else { throw OAuthError.invalidRequest("Missing required parameter: assertion") }
            let claims = try JWTBearer(service: service).verify(assertion)
            let account = try await service.verifyPair(apiKey: claims.apiKey, secretKey: claims.secretKey)
            try await service.checkNotRevoked(claims)
            return try service.issue(apiKey: claims.apiKey, secretKey: claims.secretKey, scope: claims.scope, account: account).body
        case "client_credentials":
            // RFC 6749 §4.4: the client is the CloudStack key pair itself, for scripts (`stackbridge token
            // --endpoint`) and curl. No refresh token (§4.4.3): the client can always ask again.
            guard let clientID, let clientSecret else { throw OAuthError.invalidClient("client_id and client_secret are required") }
            let account = try await service.verifyPair(apiKey: clientID, secretKey: clientSecret)
            var grant = try service.issue(
                apiKey: clientID, secretKey: clientSecret, scope: fields["scope"] ?? TokenService.computeScope, account: account)
            grant.refreshToken = ""
            return grant.body
        default:
            throw OAuthError.unsupportedGrant(grantType)
        }
    }

    // MARK: Answers

    private func json(_ status: Int, _ body: [UInt8]) -> Response {
        Response(
            status: status,
            headers: Headers([
                ("Content-Type", "application/json; charset=UTF-8"), ("Cache-Control", "no-store"),
                ("Pragma", "no-cache"),
            ]), body: body)
    }

    private func html(_ status: Int, _ body: [UInt8]) -> Response {
        Response(
            status: status,
            headers: Headers([
                ("Content-Type", "text/html; charset=utf-8"), ("Cache-Control", "no-store"),
                ("X-Frame-Options", "DENY"), ("Content-Security-Policy", "default-src 'none'; form-action 'self'"),
            ]),
            body: body)
    }

    private func redirect(_ uri: String, _ parameters: [(String, String)], state: String?) -> Response {
        var all = parameters
        if let state { all.append(("state", state)) }
        let query = all.map { $0.0 + "=" + FormFields.encode($0.1) }.joined(separator: "&")
        let location = uri + (uri.contains("?") ? "&" : "?") + query
        return Response(status: 302, headers: Headers([("Location", location), ("Cache-Control", "no-store")]))
    }
}
