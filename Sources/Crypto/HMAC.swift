internal import COpenSSL

/// The digest algorithms the signature schemes use.
public enum DigestAlgorithm: Sendable {
    /// SHA-1: CloudStack request signing, EC2 SigV2 `HmacSHA1`.
    case sha1
    /// SHA-256: EC2 SigV4 and SigV2 `HmacSHA256`.
    case sha256

    var evp: OpaquePointer? {
        switch self {
        case .sha1: EVP_sha1()
        case .sha256: EVP_sha256()
        }
    }

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
        var out = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var outLength: UInt32 = 0
        key.withUnsafeBytes { keyBytes in
            message.withUnsafeBytes { messageBytes in
                out.withUnsafeMutableBufferPointer { outBuffer in
                    _ = COpenSSL.HMAC(
                        algorithm.evp, keyBytes.baseAddress, Int32(keyBytes.count),
                        messageBytes.baseAddress?.assumingMemoryBound(to: UInt8.self), messageBytes.count,
                        outBuffer.baseAddress, &outLength)
                }
            }
        }
        return Array(out.prefix(Int(outLength)))
    }
}

/// Plain digests over OpenSSL.
public enum Digest {
    /// The digest of `message`.
    public static func hash<M: ContiguousBytes>(_ algorithm: DigestAlgorithm, _ message: M) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var outLength: UInt32 = 0
        message.withUnsafeBytes { messageBytes in
            out.withUnsafeMutableBufferPointer { outBuffer in
                _ = EVP_Digest(messageBytes.baseAddress, messageBytes.count, outBuffer.baseAddress, &outLength, algorithm.evp, nil)
            }
        }
        return Array(out.prefix(Int(outLength)))
    }
}
