internal import COpenSSL

/// MD5, only for fingerprints that external formats define with it (OpenSSH/CloudStack key
/// fingerprints); never for security.
public enum MD5 {
    /// The 16-byte MD5 digest of `message`.
    public static func hash<M: ContiguousBytes>(_ message: M) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var outLength: UInt32 = 0
        message.withUnsafeBytes { bytes in
            out.withUnsafeMutableBufferPointer { buffer in
                _ = EVP_Digest(bytes.baseAddress, bytes.count, buffer.baseAddress, &outLength, EVP_md5(), nil)
            }
        }
        return Array(out.prefix(Int(outLength)))
    }
}
