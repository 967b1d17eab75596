public import CloudStack
import Crypto
import JSON
public import Pipeline

/// Issues access tokens outside any HTTP flow, for `stackbridge token --api-key K --secret-key S`.
public struct TokenIssuer: Sendable {
    let service: TokenService

    /// An issuer sealing with `configuration.tokenKey`; `clock` dates and expires its tokens.
    public init(configuration: GCEConfiguration, client: CloudStackClient, clock: Clock = .system)
        throws
    {
        service = TokenService(
            sealer: try TokenSealer(key: configuration.tokenKey), configuration: configuration, client: client,
            clock: clock)
    }

    init(service: TokenService) { self.service = service }

    /// An access token for the key pair, after CloudStack accepts a call signed with it.
    public func issueToken(apiKey: String, secretKey: String) async throws -> String {
        let account: String
        do {
            account = try await service.verifyPair(apiKey: apiKey, secretKey: secretKey)
        } catch {
            throw GCEError(status: error.status, reason: error.code, message: error.detail)
        }
        return try service.issue(apiKey: apiKey, secretKey: secretKey, scope: "https://www.googleapis.com/auth/compute", account: account)
            .accessToken
    }

    /// A service key for the JWT-bearer grant: `keyID` goes in the JWT header's `kid`, `signingKey` (base64url)
    /// signs HS256 assertions. Valid for `lifetimeSeconds`; the pair is checked with CloudStack first.
    public func serviceKey(apiKey: String, secretKey: String, lifetimeSeconds: Int = 365 * 86_400) async throws
        -> (keyID: String, signingKey: String)
    {
        let account: String
        do {
            account = try await service.verifyPair(apiKey: apiKey, secretKey: secretKey)
        } catch {
            throw GCEError(status: error.status, reason: error.code, message: error.detail)
        }
        let now = service.clock.epochSeconds
        var claims = TokenClaims(
            kind: .serviceKey, issuedAt: now, expiresAt: now + Int64(lifetimeSeconds),
            grantID: SecureRandom.bytes(16), tokenID: SecureRandom.bytes(8), apiKey: apiKey, secretKey: secretKey)
        claims.signingKey = SecureRandom.bytes(32)
        claims.account = account
        return (try service.sealer.seal(claims), Base64.encode(claims.signingKey, urlSafe: true, padding: false))
    }

    /// A Google-style service-account key file (JSON) for google-auth's `service_account.Credentials`: a fresh RSA
    /// key whose `private_key_id` is a sealed key id naming the pair and the public key, and whose `token_uri` is
    /// this bridge. The private key exists only in the returned text. Valid for `lifetimeSeconds`.
    public func serviceAccountKey(apiKey: String, secretKey: String, lifetimeSeconds: Int = 365 * 86_400) async throws -> String {
        let account: String
        do {
            account = try await service.verifyPair(apiKey: apiKey, secretKey: secretKey)
        } catch {
            throw GCEError(status: error.status, reason: error.code, message: error.detail)
        }
        guard let pair = RSAKeyPair.generate(bits: 2048) else { throw GCEError.backend("could not generate an RSA key") }
        let now = service.clock.epochSeconds
        var claims = TokenClaims(
            kind: .rsaServiceKey, issuedAt: now, expiresAt: now + Int64(lifetimeSeconds),
            grantID: SecureRandom.bytes(16), tokenID: SecureRandom.bytes(8), apiKey: apiKey, secretKey: secretKey)
        claims.signingKey = pair.publicKeyBlob
        claims.account = account
        let base =
            service.configuration.publicBaseURL.hasSuffix("/")
            ? String(service.configuration.publicBaseURL.dropLast()) : service.configuration.publicBaseURL
        var w = JSONWriter(reservingCapacity: 4096)
        w.beginObject()
        w.member("type", "service_account")
        w.member("project_id", account.isEmpty ? (service.configuration.project ?? "") : ResourceNames.gceName(for: account))
        w.member("private_key_id", try service.sealer.seal(claims))
        w.member("private_key", pair.privateKeyPEM)
        w.member("client_email", JWTBearer.email(apiKey))
        w.member("client_id", apiKey)
        w.member("auth_uri", base + "/o/oauth2/auth")
        w.member("token_uri", base + "/token")
        w.member("universe_domain", "googleapis.com")
        w.endObject()
        return String(decoding: w.take(), as: UTF8.self)
    }
}
