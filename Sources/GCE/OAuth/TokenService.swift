import CloudStack
import Crypto
import JSON
import Pipeline

/// Issues, checks, refreshes and revokes sealed tokens; shared by the OAuth endpoints, the bearer check and
/// `TokenIssuer`.
struct TokenService: Sendable {
    let sealer: TokenSealer
    let configuration: GCEConfiguration
    let client: CloudStackClient
    let clock: Clock
    /// Revoked grant ids.
    let revoked = RevocationList()
    /// Authorization codes already exchanged (single use).
    let usedCodes = RevocationList()
    /// Self-signed JWTs already verified (an RSA check per request would cost milliseconds).
    let selfSigned = VerifiedJWTs()

    /// The scope of tokens issued without one asked for.
    static let computeScope = "https://www.googleapis.com/auth/compute"

    /// The token endpoint's answer.
    struct Grant: Sendable {
        var accessToken: String
        var refreshToken: String
        var expiresIn: Int
        var scope: String

        var body: [UInt8] {
            var w = JSONWriter(reservingCapacity: 1024)
            w.beginObject()
            w.member("access_token", accessToken)
            w.member("expires_in", expiresIn)
            if !refreshToken.isEmpty { w.member("refresh_token", refreshToken) }
            w.member("scope", scope)
            w.member("token_type", "Bearer")
            w.endObject()
            return w.take()
        }
    }

    /// Accepts a key pair only once CloudStack accepts a call signed with it (`listUsers`, which also names the
    /// pair's account; `listCapabilities` where the role may not list users). Returns the account name or "".
    @discardableResult
    func verifyPair(apiKey: String, secretKey: String) async throws(OAuthError) -> String {
        guard !apiKey.isEmpty, !secretKey.isEmpty else { throw .invalidClient("client_id and client_secret are required") }
        let credentials = CloudStackCredentials(apiKey: apiKey, secretKey: secretKey)
        do {
            let users = try await client.listAll(CommandTable.listUsers, as: credentials)
            return users.first { $0.apikey == apiKey }?.account ?? ""
        } catch {
            if case .api(let failure) = error, failure.errorcode == 432 {
                do {
                    _ = try await client.call(CommandTable.listCapabilities, as: credentials)
                    return ""
                } catch {
                    throw Self.refusal(error)
                }
            }
            throw Self.refusal(error)
        }
    }

    private static func refusal(_ error: CloudStackError) -> OAuthError {
        if case .api(let failure) = error, failure.errorcode == 401 || failure.errorcode == 432 || failure.errorcode == 531 {
            return .invalidClient("CloudStack refused this API key and secret key")
        }
        return OAuthError(status: 503, code: "temporarily_unavailable", detail: "CloudStack could not check the key pair")
    }

    /// A new access token plus a refresh token for one grant (a new grant when `grantID` is nil).
    func issue(apiKey: String, secretKey: String, scope: String, account: String, grantID: [UInt8]? = nil) throws(GCEError) -> Grant {
        let now = clock.epochSeconds
        let grant = grantID ?? SecureRandom.bytes(16)
        var access = TokenClaims(
            kind: .access, issuedAt: now, expiresAt: now + Int64(configuration.tokenLifetimeSeconds),
            grantID: grant, tokenID: SecureRandom.bytes(8), apiKey: apiKey, secretKey: secretKey)
        access.scope = scope
        access.account = account
        var refresh = access
        refresh.kind = .refresh
        refresh.tokenID = SecureRandom.bytes(8)
        refresh.expiresAt = now + Int64(configuration.refreshTokenLifetimeSeconds)
        return Grant(
            accessToken: try sealer.seal(access), refreshToken: try sealer.seal(refresh),
            expiresIn: configuration.tokenLifetimeSeconds, scope: scope)
    }

    /// A single-use authorization code bound to the client, redirect URI and PKCE challenge.
    func code(apiKey: String, secretKey: String, account: String, redirectURI: String, scope: String, challenge: String, method: String)
        throws(GCEError) -> String
    {
        let now = clock.epochSeconds
        var claims = TokenClaims(
            kind: .authorizationCode, issuedAt: now, expiresAt: now + Int64(configuration.codeLifetimeSeconds),
            grantID: SecureRandom.bytes(16), tokenID: SecureRandom.bytes(16), apiKey: apiKey, secretKey: secretKey)
        claims.redirectURI = redirectURI
        claims.scope = scope
        claims.account = account
        claims.codeChallenge = challenge
        claims.codeChallengeMethod = challenge.isEmpty ? "" : (method.isEmpty ? "plain" : method)
        return try sealer.seal(claims)
    }

    /// The claims of a live token of `kind`, or nil when forged, expired or revoked.
    func live(_ token: String, _ kind: TokenClaims.Kind) -> TokenClaims? {
        let now = clock.epochSeconds
        guard let claims = sealer.open(token, as: kind), claims.expiresAt > now, !revoked.contains(claims.grantID, now: now) else {
            return nil
        }
        return claims
    }

    /// The CloudStack key pair a bearer token acts as: a sealed access token, or a self-signed RS256 JWT made with
    /// a service-account key file (checked once, then remembered until it expires).
    func authenticate(bearer token: String) throws(GCEError) -> TokenClaims {
        if !token.hasPrefix(TokenSealer.prefix),
            let claims = selfSigned.claims(token, now: clock.epochSeconds) ?? JWTBearer(service: self).bearer(token),
            !revoked.contains(claims.grantID, now: clock.epochSeconds)
        {
            selfSigned.remember(token, claims)
            return claims
        }
        guard let claims = live(token, .access) else {
            throw GCEError.unauthenticated("Request had invalid authentication credentials. Expected OAuth 2 access token.")
        }
        return claims
    }

    /// Revokes the whole grant of an access or refresh token; false when the token is not one of ours.
    /// Also records the revocation in CloudStack (`SharedRevocations`) for the other instances.
    func revoke(_ token: String) async -> Bool {
        guard
            let claims = sealer.open(token, as: .access) ?? sealer.open(token, as: .refresh) ?? sealer.open(token, as: .serviceKey)
                ?? sealer.open(token, as: .rsaServiceKey)
        else { return false }
        let until = max(
            claims.expiresAt, claims.issuedAt + Int64(max(configuration.refreshTokenLifetimeSeconds, configuration.tokenLifetimeSeconds)))
        revoked.insert(claims.grantID, until: until, now: clock.epochSeconds)
        await SharedRevocations(client: client).record(claims, until: until)
        return true
    }

    /// Refuses a grant another instance revoked (checked whenever a grant is renewed).
    func checkNotRevoked(_ claims: TokenClaims) async throws(OAuthError) {
        if try await SharedRevocations(client: client).isRevoked(claims) {
            revoked.insert(
                claims.grantID, until: max(claims.expiresAt, clock.epochSeconds + Int64(configuration.refreshTokenLifetimeSeconds)),
                now: clock.epochSeconds)
            throw .invalidGrant("Token has been expired or revoked.")
        }
    }
}
