import Crypto
import JSON

/// The RFC 7523 JWT-bearer grant (`urn:ietf:params:oauth:grant-type:jwt-bearer`) with bridge-issued service keys.
///
/// A service key (`TokenIssuer.serviceKey`) is a sealed key id (`kid`) holding the CloudStack pair and a random
/// HS256 key, plus that HS256 key in clear for the holder. An assertion is a JWT signed with it; the bridge opens
/// the `kid`, checks the signature, `iss` (the API key), `aud` (a token endpoint), `iat`/`exp` (at most one hour).
/// No state is stored. (Google's RS256 service-account keys would need an RSA verifier in Crypto: not yet.)
struct JWTBearer: Sendable {
    let service: TokenService

    func verify(_ assertion: String) throws(OAuthError) -> TokenClaims {
        let parts = assertion.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let headerBytes = Self.base64URL(parts[0]), let payloadBytes = Self.base64URL(parts[1]),
            let signature = Self.base64URL(parts[2])
        else { throw .invalidGrant("Invalid JWT: not three base64url parts") }
        let header = try fields(headerBytes)
        guard header.strings["alg"] == "HS256" else { throw .invalidGrant("Invalid JWT: alg must be HS256") }
        guard let kid = header.strings["kid"], var key = service.sealer.open(kid, as: .serviceKey),
            key.expiresAt > service.clock()
        else { throw .invalidGrant("Invalid JWT: unknown or expired kid") }
        let signed = Array((parts[0] + "." + parts[1]).utf8)
        guard ConstantTime.equals(HMAC.authenticate(.sha256, key: key.signingKey, message: signed), signature) else {
            throw .invalidGrant("Invalid JWT Signature.")
        }
        let claims = try fields(payloadBytes)
        let now = service.clock()
        guard claims.strings["iss"] == key.apiKey else { throw .invalidGrant("Invalid JWT: iss is not the key's API key") }
        guard let aud = claims.strings["aud"], OAuthEndpoints.endpoint(for: Substring(Self.path(of: aud))) == .token else {
            throw .invalidGrant("Invalid JWT: aud must be this bridge's token endpoint")
        }
        guard let iat = claims.numbers["iat"], let exp = claims.numbers["exp"], exp > now, iat <= now + 300, exp - iat <= 3600
        else { throw .invalidGrant("Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe.") }
        key.scope = claims.strings["scope"] ?? ""
        return key
    }

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
