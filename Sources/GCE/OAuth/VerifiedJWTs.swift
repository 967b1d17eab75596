import Synchronization

/// Self-signed bearer JWTs whose RSA signature was already checked, kept until they expire (at most 1024).
final class VerifiedJWTs: Sendable {
    private let entries = Mutex<[String: TokenClaims]>([:])

    /// The remembered claims of a still-valid token.
    func claims(_ token: String, now: Int64) -> TokenClaims? {
        entries.withLock { entries in
            guard let claims = entries[token] else { return nil }
            if claims.expiresAt <= now {
                entries[token] = nil
                return nil
            }
            return claims
        }
    }

    /// Remembers a verified token.
    func remember(_ token: String, _ claims: TokenClaims) {
        entries.withLock { entries in
            if entries.count >= 1024 { entries.removeAll(keepingCapacity: true) }
            entries[token] = claims
        }
    }
}
