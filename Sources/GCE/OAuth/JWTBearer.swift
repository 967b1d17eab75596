import Crypto
import JSON

/// The RFC 7523 JWT-bearer grant (`urn:ietf:params:oauth:grant-type:jwt-bearer`) with bridge-issued keys.
///
/// RS256: a Google-style service-account key file (`TokenIssuer.serviceAccountKey`) whose `private_key_id` is a
/// sealed `kid` holding the CloudStack pair and the RSA public key; google-auth signs assertions with the private
/// key. HS256: a service key (`TokenIssuer.serviceKey`) whose sealed `kid` holds the pair and an HMAC key. Either
/// way the bridge opens the `kid`, checks the signature, `iss` (the API key or the key file's `client_email`),
/// `aud` (a token endpoint), `iat`/`exp` (at most one hour). No state is stored.
struct JWTBearer: Sendable {
    let service: TokenService

    func verify(_ assertion: String) throws(OAuthError) -> TokenClaims {
        let parts = assertion.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let headerBytes = Self.base64URL(parts[0]), let payloadBytes = Self.base64URL(parts[1]),
            let signature = Self.base64URL(parts[2])
        else { throw .invalidGrant("Invalid JWT: not three base64url parts") }
        var key = try signer(header: try fields(headerBytes), signed: Array((parts[0] + "." + parts[1]).utf8), signature: signature)
        let claims = try fields(payloadBytes)
        let now = service.clock.epochSeconds
        guard claims.strings["iss"] == key.apiKey || claims.strings["iss"] == Self.email(key.apiKey) else {
            throw .invalidGrant("Invalid JWT: iss is not the key's API key")
        }
        guard let aud = claims.strings["aud"], OAuthEndpoints.endpoint(for: Substring(Self.path(of: aud))) == .token else {
            throw .invalidGrant("Invalid JWT: aud must be this bridge's token endpoint")
        }
        guard let iat = claims.numbers["iat"], let exp = claims.numbers["exp"], Self.isShortLived(iat: iat, exp: exp, now: now)
        else { throw .invalidGrant("Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe.") }
        key.scope = claims.strings["scope"] ?? ""
        return key
    }

    /// A self-signed RS256 JWT used directly as a bearer token (google-auth's `always_use_jwt_access`):
    /// signature, `iss`, and a lifetime of at most an hour; `aud` is not checked (any audience of this API).
    func bearer(_ token: String) -> TokenClaims? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let headerBytes = Self.base64URL(parts[0]), let payloadBytes = Self.base64URL(parts[1]),
            let signature = Self.base64URL(parts[2]), let header = try? fields(headerBytes), header.strings["alg"] == "RS256",
            var key = try? signer(header: header, signed: Array((parts[0] + "." + parts[1]).utf8), signature: signature),
            let claims = try? fields(payloadBytes)
        else { return nil }
        let now = service.clock.epochSeconds
        guard claims.strings["iss"] == Self.email(key.apiKey), let iat = claims.numbers["iat"], let exp = claims.numbers["exp"],
            Self.isShortLived(iat: iat, exp: exp, now: now)
        else { return nil }
        key.kind = .access
        key.expiresAt = exp
        key.scope = claims.strings["scope"] ?? ""
        return key
    }

    /// The service key named by the JWT header's `kid`, once the signature checks out with it.
    private func signer(header: (strings: [String: String], numbers: [String: Int64]), signed: [UInt8], signature: [UInt8])
        throws(OAuthError) -> TokenClaims
    {
        guard let kid = header.strings["kid"] else { throw .invalidGrant("Invalid JWT: no kid") }
        let now = service.clock.epochSeconds
        switch header.strings["alg"] {
        case "HS256":
            guard let key = service.sealer.open(kid, as: .serviceKey), key.expiresAt > now,
                !service.revoked.contains(key.grantID, now: now)
            else { throw .invalidGrant("Invalid JWT: unknown or expired kid") }
            guard ConstantTime.equals(HMAC.authenticate(.sha256, key: key.signingKey, message: signed), signature) else {
                throw .invalidGrant("Invalid JWT Signature.")
            }
            return key
        case "RS256":
            guard let key = service.sealer.open(kid, as: .rsaServiceKey), key.expiresAt > now,
                !service.revoked.contains(key.grantID, now: now), let publicKey = try? RSAPublicKey(sshBlob: key.signingKey)
            else { throw .invalidGrant("Invalid JWT: unknown or expired kid") }
            guard publicKey.verify(signature, of: signed, digest: .sha256) else { throw .invalidGrant("Invalid JWT Signature.") }
            return key
        default:
            throw .invalidGrant("Invalid JWT: alg must be RS256 or HS256")
        }
    }

    /// Whether `iat`/`exp` describe a live assertion of at most an hour, issued no more than five minutes ahead.
    ///
    /// Both claims come from the caller as any int64, so the lifetime is computed with overflow reporting:
    /// `iat: -1, exp: Int64.max` must be refused, not trap.
    static func isShortLived(iat: Int64, exp: Int64, now: Int64) -> Bool {
        let (lifetime, overflow) = exp.subtractingReportingOverflow(iat)
        let (latestIssue, late) = now.addingReportingOverflow(300)
        return !overflow && !late && exp > now && iat <= latestIssue && lifetime <= 3600
    }

    /// The `client_email` of a service-account key file: the API key at a reserved domain.
    static func email(_ apiKey: String) -> String { apiKey + "@service.stackbridge.invalid" }

    private func fields(_ bytes: [UInt8]) throws(OAuthError) -> (strings: [String: String], numbers: [String: Int64]) {
        do {
            return try JSONReader.read(bytes) { (r: inout JSONReader) throws(JSONError) -> ([String: String], [String: Int64]) in
                var strings: [String: String] = [:]
                var numbers: [String: Int64] = [:]
                try r.beginObject()
                while let key = try r.nextKey() {
                    let name = key.string
                    switch try r.nextKind() {
                    case .string: strings[name] = try r.string()
                    case .number: numbers[name] = try r.int64()
                    default: try r.skip()
                    }
                }
                try r.finish()
                return (strings, numbers)
            }
        } catch {
            throw .invalidGrant("Invalid JWT: \(error)")
        }
    }

    /// Unpadded base64url (RFC 7515 §2); `Base64.decode` reads both alphabets without padding.
    static func base64URL<S: StringProtocol>(_ text: S) -> [UInt8]? {
        Base64.decode(text)
    }

    /// The path of an absolute URL (`https://host/token` -> `/token`), or the text itself.
    static func path(of url: String) -> String {
        guard let scheme = url.firstRange(of: "://") else { return url }
        let rest = url[scheme.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return "/" }
        return String(rest[slash...])
    }
}
