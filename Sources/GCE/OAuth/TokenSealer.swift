import Crypto

/// Seals and opens tokens with the configured 32-byte key (AES-256-GCM), so any bridge instance holding the
/// key accepts any other's tokens without a shared database.
///
/// Wire form: `sb1.` + unpadded base64url of the sealed record. The token kind is bound as associated data.
struct TokenSealer: Sendable {
    private let key: [UInt8]
    static let prefix = "sb1."

    init(key: [UInt8]) throws(GCEError) {
        guard key.count == AEAD.keyLength else {
            throw GCEError(status: 500, reason: "internalError", message: "the GCE token key must be 32 bytes")
        }
        self.key = key
    }

    /// The token string for `claims`.
    func seal(_ claims: TokenClaims) throws(GCEError) -> String {
        do {
            let box = try AEAD.seal(claims.encoded(), key: key, associatedData: Self.associatedData(claims.kind))
            return Self.prefix + Base64.encode(box, urlSafe: true, padding: false)
        } catch {
            throw GCEError(status: 500, reason: "internalError", message: "could not seal a token")
        }
    }

    /// The claims of a token of `kind` that this key sealed; `nil` if forged, altered, of another kind or key.
    func open(_ token: String, as kind: TokenClaims.Kind) -> TokenClaims? {
        guard token.hasPrefix(Self.prefix), token.utf8.count < 4096 else { return nil }
        // Base64.decode reads both alphabets and needs no padding.
        guard let box = Base64.decode(token.dropFirst(Self.prefix.count)),
            let record = AEAD.open(box, key: key, associatedData: Self.associatedData(kind)),
            let claims = TokenClaims(decoding: record), claims.kind == kind
        else { return nil }
        return claims
    }

    private static func associatedData(_ kind: TokenClaims.Kind) -> [UInt8] {
        Array("stackbridge-gce-token/\(kind.rawValue)".utf8)
    }
}
