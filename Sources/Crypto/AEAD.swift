internal import COpenSSL

/// Authenticated encryption (AES-256-GCM over OpenSSL) for sealed tokens: secret and tamper-evident.
///
/// A sealed box is `nonce (12 bytes) || ciphertext || tag (16 bytes)`. Nonces are random: GCM stays safe
/// for about 2^32 seals per key with random 96-bit nonces (NIST SP 800-38D §8.3), far beyond a token key's use.
public enum AEAD {
    /// The key length in bytes (AES-256).
    public static let keyLength = 32
    /// The nonce length in bytes.
    public static let nonceLength = 12
    /// The authentication tag length in bytes.
    public static let tagLength = 16

    /// AES-256-GCM fetched once: OpenSSL 3 otherwise looks the algorithm up on every init ("implicit fetch",
    /// openssl-crypto(7) "Performance"). The pointer is immutable and OpenSSL's fetched objects are thread-safe.
    nonisolated(unsafe) private static let cipher: OpaquePointer? = EVP_CIPHER_fetch(nil, "AES-256-GCM", nil)

    /// Why sealing failed (opening never says why: a forged box and a wrong key look the same).
    public enum Failure: Error, Sendable, Equatable {
        /// The key is not `keyLength` bytes.
        case badKeyLength
        /// OpenSSL refused an operation.
        case openSSL
    }

    /// Encrypts and authenticates `plaintext`, also authenticating (not encrypting) `associatedData`.
    public static func seal(_ plaintext: [UInt8], key: [UInt8], associatedData: [UInt8] = []) throws(Failure) -> [UInt8] {
        try seal(plaintext, key: key, nonce: SecureRandom.bytes(nonceLength), associatedData: associatedData)
    }

    /// `seal` with a caller-chosen nonce, for known-answer tests; never reuse a nonce under one key.
    public static func seal(
        _ plaintext: [UInt8], key: [UInt8], nonce: [UInt8], associatedData: [UInt8] = []
    ) throws(Failure) -> [UInt8] {
        guard key.count == keyLength else { throw .badKeyLength }
        guard nonce.count == nonceLength, let context = EVP_CIPHER_CTX_new() else { throw .openSSL }
        defer { EVP_CIPHER_CTX_free(context) }
        var out = [UInt8](repeating: 0, count: nonceLength + plaintext.count + tagLength)
        for i in 0..<nonceLength { out[i] = nonce[i] }
        let ok: Bool = out.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress,
                EVP_EncryptInit_ex(context, cipher ?? EVP_aes_256_gcm(), nil, nil, nil) == 1,
                EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_GCM_SET_IVLEN, Int32(nonceLength), nil) == 1,
                EVP_EncryptInit_ex(context, nil, nil, key, nonce) == 1
            else { return false }
            var length: Int32 = 0
            if !associatedData.isEmpty {
                guard EVP_EncryptUpdate(context, nil, &length, associatedData, Int32(associatedData.count)) == 1 else {
                    return false
                }
            }
            if !plaintext.isEmpty {
                guard EVP_EncryptUpdate(context, base + nonceLength, &length, plaintext, Int32(plaintext.count)) == 1 else {
                    return false
                }
            }
            guard EVP_EncryptFinal_ex(context, base + nonceLength + plaintext.count, &length) == 1 else { return false }
            return EVP_CIPHER_CTX_ctrl(
                context, EVP_CTRL_GCM_GET_TAG, Int32(tagLength), base + nonceLength + plaintext.count) == 1
        }
        guard ok else { throw .openSSL }
        return out
    }

    /// The plaintext of a box made by `seal` with the same key and associated data; `nil` if anything differs.
    public static func open(_ box: [UInt8], key: [UInt8], associatedData: [UInt8] = []) -> [UInt8]? {
        guard key.count == keyLength, box.count >= nonceLength + tagLength, let context = EVP_CIPHER_CTX_new() else {
            return nil
        }
        defer { EVP_CIPHER_CTX_free(context) }
        let cipherCount = box.count - nonceLength - tagLength
        var plain = [UInt8](repeating: 0, count: cipherCount)
        var tag = Array(box[(box.count - tagLength)...])
        let nonce = Array(box[0..<nonceLength])
        let ok: Bool = box.withUnsafeBufferPointer { input in
            plain.withUnsafeMutableBufferPointer { output in
                guard let inBase = input.baseAddress,
                    EVP_DecryptInit_ex(context, cipher ?? EVP_aes_256_gcm(), nil, nil, nil) == 1,
                    EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_GCM_SET_IVLEN, Int32(nonceLength), nil) == 1,
                    EVP_DecryptInit_ex(context, nil, nil, key, nonce) == 1
                else { return false }
                var length: Int32 = 0
                if !associatedData.isEmpty {
                    guard EVP_DecryptUpdate(context, nil, &length, associatedData, Int32(associatedData.count)) == 1 else {
                        return false
                    }
                }
                if cipherCount > 0 {
                    guard let outBase = output.baseAddress,
                        EVP_DecryptUpdate(context, outBase, &length, inBase + nonceLength, Int32(cipherCount)) == 1
                    else { return false }
                }
                guard EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_GCM_SET_TAG, Int32(tagLength), &tag) == 1 else { return false }
                var finalLength: Int32 = 0
                var scratch = [UInt8](repeating: 0, count: 16)
                return EVP_DecryptFinal_ex(context, &scratch, &finalLength) == 1
            }
        }
        return ok ? plain : nil
    }
}
