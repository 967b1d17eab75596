internal import COpenSSL

/// The digest algorithms the signature schemes use.
public enum DigestAlgorithm: Sendable {
    /// SHA-1: CloudStack request signing, EC2 SigV2 `HmacSHA1`.
    case sha1
    /// SHA-256: EC2 SigV4 and SigV2 `HmacSHA256`.
    case sha256

    /// The digest, fetched once: `EVP_sha1()`/`EVP_sha256()` are looked up again on every init
    /// (OpenSSL 3 "implicit fetch", openssl-crypto(7) "Performance"). Fetched objects are immutable
    /// and thread-safe.
    var evp: OpaquePointer? {
        switch self {
        case .sha1: DigestAlgorithm.sha1Digest
        case .sha256: DigestAlgorithm.sha256Digest
        }
    }

    /// An HMAC context with this digest set, duplicated for each message; never used directly.
    var hmacTemplate: OpaquePointer? {
        switch self {
        case .sha1: DigestAlgorithm.sha1HMAC
        case .sha256: DigestAlgorithm.sha256HMAC
        }
    }

    nonisolated(unsafe) private static let sha1Digest: OpaquePointer? = EVP_MD_fetch(nil, "SHA1", nil)
    nonisolated(unsafe) private static let sha256Digest: OpaquePointer? = EVP_MD_fetch(nil, "SHA256", nil)
    // Only ever read (EVP_MAC_CTX_dup) after creation, which OpenSSL allows from any thread.
    nonisolated(unsafe) private static let sha1HMAC: OpaquePointer? = sb_hmac_template("SHA1")
    nonisolated(unsafe) private static let sha256HMAC: OpaquePointer? = sb_hmac_template("SHA256")

    /// Digest length in bytes.
    public var length: Int {
        switch self {
        case .sha1: 20
        case .sha256: 32
        }
    }
}

/// Keyed-hash message authentication (HMAC) over OpenSSL.
public enum HMAC {
    /// The HMAC of `message` under `key`.
    public static func authenticate<K: ContiguousBytes, M: ContiguousBytes>(
        _ algorithm: DigestAlgorithm, key: K, message: M
    ) -> [UInt8] {
        // A copy of the prepared context: no MAC or digest lookup by name per message.
        guard let context = EVP_MAC_CTX_dup(algorithm.hmacTemplate) else { return [] }
        defer { EVP_MAC_CTX_free(context) }
        let length = algorithm.length
        var ok = false
        let out = [UInt8](unsafeUninitializedCapacity: length) { buffer, count in
            var written = 0
            key.withUnsafeBytes { keyBytes in
                message.withUnsafeBytes { messageBytes in
                    // EVP_MAC_init needs a non-null key pointer even for an empty key (null keeps the old key).
                    let empty: UInt8 = 0
                    let keyPointer = keyBytes.baseAddress?.assumingMemoryBound(to: UInt8.self)
                    ok = withUnsafePointer(to: empty) { fallback in
                        EVP_MAC_init(context, keyPointer ?? fallback, keyBytes.count, nil) == 1
                    }
                    if ok, let base = messageBytes.baseAddress {
                        ok = EVP_MAC_update(context, base.assumingMemoryBound(to: UInt8.self), messageBytes.count) == 1
                    }
                    if ok { ok = EVP_MAC_final(context, buffer.baseAddress, &written, length) == 1 }
                }
            }
            count = ok ? written : 0
        }
        return out
    }
}

/// Plain digests over OpenSSL.
public enum Digest {
    /// The digest of `message`.
    public static func hash<M: ContiguousBytes>(_ algorithm: DigestAlgorithm, _ message: M) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: algorithm.length) { buffer, count in
            var written: UInt32 = 0
            let ok = message.withUnsafeBytes { messageBytes in
                EVP_Digest(messageBytes.baseAddress, messageBytes.count, buffer.baseAddress, &written, algorithm.evp, nil) == 1
            }
            count = ok ? Int(written) : 0
        }
    }
}
