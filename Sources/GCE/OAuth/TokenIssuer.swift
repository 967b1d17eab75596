public import CloudStack
import Crypto

/// Issues access tokens outside any HTTP flow, for `stackbridge token --api-key K --secret-key S`.
public struct TokenIssuer: Sendable {
    let service: TokenService

    /// An issuer sealing with `configuration.tokenKey`; `clock` returns epoch seconds.
    public init(configuration: GCEConfiguration, client: CloudStackClient, clock: @escaping @Sendable () -> Int64 = GCEPipeline.systemClock)
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
        let now = service.clock()
        var claims = TokenClaims(
            kind: .serviceKey, issuedAt: now, expiresAt: now + Int64(lifetimeSeconds),
            grantID: SecureRandom.bytes(16), tokenID: SecureRandom.bytes(8), apiKey: apiKey, secretKey: secretKey)
        claims.signingKey = SecureRandom.bytes(32)
        claims.account = account
        return (try service.sealer.seal(claims), Base64.encode(claims.signingKey, urlSafe: true, padding: false))
    }
}
