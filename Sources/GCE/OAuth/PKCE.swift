import Crypto

/// RFC 7636 proof key checks: `S256` and `plain`.
enum PKCE {
    /// Whether `verifier` answers `challenge` under `method`; a verifier must be 43-128 unreserved characters.
    static func verify(verifier: String, challenge: String, method: String) -> Bool {
        let count = verifier.utf8.count
        guard count >= 43, count <= 128, verifier.utf8.allSatisfy(isUnreserved) else { return false }
        switch method {
        case "S256":
            let digest = Digest.hash(.sha256, Array(verifier.utf8))
            return ConstantTime.equals(Array(Base64.encode(digest, urlSafe: true, padding: false).utf8), Array(challenge.utf8))
        case "plain", "":
            return ConstantTime.equals(Array(verifier.utf8), Array(challenge.utf8))
        default:
            return false
        }
    }

    private static func isUnreserved(_ b: UInt8) -> Bool {
        (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39)
            || b == UInt8(ascii: "-") || b == UInt8(ascii: ".") || b == UInt8(ascii: "_") || b == UInt8(ascii: "~")
    }
}
