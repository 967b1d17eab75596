internal import COpenSSL

/// Owns one RSA public `EVP_PKEY` and checks RSASSA-PKCS1-v1_5 signatures with it (`EVP_DigestVerify`).
///
/// Built from the parts (`n`, `e`: a JWK or an SSH `ssh-rsa` blob) with `EVP_PKEY_fromdata`, or from a
/// SubjectPublicKeyInfo (PEM `PUBLIC KEY` or DER) with OpenSSL's decoders. Every key is checked before use:
/// 2048 to 8192 bits, odd modulus, odd exponent of at most 64 bits (OpenSSL's own cap for large moduli,
/// `OPENSSL_RSA_MAX_PUBEXP_BITS`), so a peer cannot make one check arbitrarily expensive. The key is never
/// modified after construction and each check uses its own `EVP_MD_CTX`, so one key may verify on many threads.
public final class RSAPublicKey: @unchecked Sendable {
    /// The `EVP_PKEY*`, freed in `deinit`.
    private let key: OpaquePointer

    /// The smallest modulus accepted: NIST SP 800-131A disallows RSA below 2048 bits for signatures.
    public static let minimumBits = 2048
    /// The largest modulus accepted: bounds the cost of one verification.
    public static let maximumBits = 8192
    /// The longest DER or PEM text read; an 8192-bit SubjectPublicKeyInfo is about 1.1 KB of DER.
    static let maximumEncodedLength = 16 * 1024

    /// The key with modulus `n` and public exponent `e`, both unsigned big-endian (leading zeros allowed).
    public convenience init(modulus: [UInt8], exponent: [UInt8]) throws(RSAKeyError) {
        let n = Array(modulus.drop { $0 == 0 })
        let e = Array(exponent.drop { $0 == 0 })
        // Checked on the bytes first so an oversized input never reaches BN_bin2bn.
        guard n.count <= Self.maximumBits / 8 else { throw .unacceptable("modulus longer than \(Self.maximumBits) bits") }
        guard e.count <= 8 else { throw .unacceptable("public exponent longer than 64 bits") }
        guard !n.isEmpty, !e.isEmpty else { throw .malformed("empty modulus or exponent") }
        try self.init(owning: try Self.fromParts(n: n, e: e))
    }

    /// The key of a JWK's `n` and `e` members (RFC 7518 §6.3.1: base64url, unpadded, big-endian).
    public convenience init(jwkModulus n: String, exponent e: String) throws(RSAKeyError) {
        // An 8192-bit modulus is 1366 base64url characters; refuse far longer text before decoding it.
        guard n.utf8.count <= 2 * Self.maximumEncodedLength, e.utf8.count <= 64 else { throw .malformed("JWK member too long") }
        guard let modulus = Base64.decode(n), let exponent = Base64.decode(e) else { throw .malformed("JWK n or e is not base64url") }
        try self.init(modulus: modulus, exponent: exponent)
    }

    /// The key of an OpenSSH `ssh-rsa` public key blob (RFC 4253 §6.6: `string "ssh-rsa"`, `mpint e`, `mpint n`).
    public convenience init(sshBlob: [UInt8]) throws(RSAKeyError) {
        guard sshBlob.count <= Self.maximumEncodedLength, let fields = SSHWire.strings(sshBlob), fields.count == 3,
            fields[0] == Array("ssh-rsa".utf8)
        else { throw .malformed("not an ssh-rsa public key blob") }
        // An mpint with its top bit set is negative (RFC 4251 §5); no RSA parameter is.
        guard fields[1].first.map({ $0 & 0x80 == 0 }) ?? false, fields[2].first.map({ $0 & 0x80 == 0 }) ?? false else {
            throw .malformed("negative or empty mpint in ssh-rsa blob")
        }
        try self.init(modulus: fields[2], exponent: fields[1])
    }

    /// The key of a DER SubjectPublicKeyInfo (RFC 5280 §4.1.2.7) holding an RSA key.
    public convenience init(der: [UInt8]) throws(RSAKeyError) {
        guard !der.isEmpty, der.count <= Self.maximumEncodedLength else { throw .malformed("DER length out of range") }
        let decoded: OpaquePointer? = der.withUnsafeBufferPointer { buffer in
            var cursor = buffer.baseAddress
            return d2i_PUBKEY(nil, &cursor, buffer.count)
        }
        guard let decoded else { throw .malformed("not a DER SubjectPublicKeyInfo: " + Self.drainErrors()) }
        try self.init(owning: decoded)
    }

    /// The key of a PEM `-----BEGIN PUBLIC KEY-----` block (SubjectPublicKeyInfo) holding an RSA key.
    public convenience init(pem: String) throws(RSAKeyError) {
        let bytes = Array(pem.utf8)
        guard !bytes.isEmpty, bytes.count <= Self.maximumEncodedLength else { throw .malformed("PEM length out of range") }
        // PEM_read_bio_PUBKEY would try its decoders on any label; only `PUBLIC KEY` is a SubjectPublicKeyInfo.
        let block: (label: String, der: [UInt8])? = bytes.withUnsafeBytes { buffer in
            guard let bio = BIO_new_mem_buf(buffer.baseAddress, Int32(buffer.count)) else { return nil }
            defer { BIO_free(bio) }
            var name: UnsafeMutablePointer<CChar>?
            var header: UnsafeMutablePointer<CChar>?
            var data: UnsafeMutablePointer<UInt8>?
            var length = 0
            defer {
                CRYPTO_free(name, nil, 0)
                CRYPTO_free(header, nil, 0)
                CRYPTO_free(data, nil, 0)
            }
            guard PEM_read_bio(bio, &name, &header, &data, &length) == 1, let name, let data, length >= 0 else { return nil }
            return (String(cString: name), Array(UnsafeBufferPointer(start: data, count: length)))
        }
        guard let block else { throw .malformed("not a PEM block: " + Self.drainErrors()) }
        guard block.label == "PUBLIC KEY" else { throw .malformed("PEM block is \(block.label), not PUBLIC KEY") }
        try self.init(der: block.der)
    }

    /// Takes ownership of `key` after checking it is an acceptable RSA key; a refused key is freed here.
    private init(owning key: OpaquePointer) throws(RSAKeyError) {
        do {
            try Self.check(key)
        } catch {
            EVP_PKEY_free(key)
            throw error
        }
        self.key = key
    }

    deinit {
        EVP_PKEY_free(key)
    }

    /// The modulus length in bits.
    public var bits: Int { Int(EVP_PKEY_get_bits(key)) }

    /// Whether `signature` is this key's RSASSA-PKCS1-v1_5 signature (RFC 8017 §8.2.2) of `message` with `digest`:
    /// RS256 when `digest` is SHA-256.
    public func verify(_ signature: [UInt8], of message: [UInt8], digest: DigestAlgorithm = .sha256) -> Bool {
        // RFC 8017 §8.2.2 step 1; OpenSSL checks it too, this keeps odd lengths away from it altogether.
        guard signature.count == Int(EVP_PKEY_get_size(key)), let context = EVP_MD_CTX_new() else { return false }
        defer {
            EVP_MD_CTX_free(context)
            // A failed check leaves reasons on this thread's error queue; a TLS call later on the same loop
            // thread would read them as its own (SSL_get_error consults the queue).
            ERR_clear_error()
        }
        var keyContext: OpaquePointer?
        guard EVP_DigestVerifyInit_ex(context, &keyContext, Self.digestName(digest), nil, nil, key, nil) == 1,
            let keyContext, EVP_PKEY_CTX_set_rsa_padding(keyContext, RSA_PKCS1_PADDING) == 1
        else { return false }
        return signature.withUnsafeBufferPointer { sig in
            message.withUnsafeBufferPointer { tbs in
                EVP_DigestVerify(context, sig.baseAddress, sig.count, tbs.baseAddress, tbs.count) == 1
            }
        }
    }

    // MARK: Construction

    /// An `EVP_PKEY` from `n` and `e` through `OSSL_PARAM`s (OpenSSL 3; no deprecated `RSA_*` calls).
    private static func fromParts(n: [UInt8], e: [UInt8]) throws(RSAKeyError) -> OpaquePointer {
        defer { ERR_clear_error() }
        guard let builder = OSSL_PARAM_BLD_new() else { throw .openSSL("OSSL_PARAM_BLD_new") }
        defer { OSSL_PARAM_BLD_free(builder) }
        guard let modulus = BN_bin2bn(n, Int32(n.count), nil) else { throw .openSSL("BN_bin2bn") }
        defer { BN_free(modulus) }
        guard let exponent = BN_bin2bn(e, Int32(e.count), nil) else { throw .openSSL("BN_bin2bn") }
        defer { BN_free(exponent) }
        guard sb_param_bld_push_rsa_public(builder, modulus, exponent) == 1, let params = OSSL_PARAM_BLD_to_param(builder)
        else { throw .openSSL("OSSL_PARAM_BLD") }
        defer { OSSL_PARAM_free(params) }
        guard let context = EVP_PKEY_CTX_new_from_name(nil, "RSA", nil) else { throw .openSSL("EVP_PKEY_CTX_new_from_name") }
        defer { EVP_PKEY_CTX_free(context) }
        var key: OpaquePointer?
        guard EVP_PKEY_fromdata_init(context) == 1,
            EVP_PKEY_fromdata(context, &key, sb_evp_pkey_public_key_selection(), params) == 1, let key
        else { throw .malformed("OpenSSL refused the RSA parameters: " + drainErrors()) }
        return key
    }

    /// Refuses anything but an RSA key of acceptable size and exponent (the same rule for every source).
    private static func check(_ key: OpaquePointer) throws(RSAKeyError) {
        defer { ERR_clear_error() }
        // "RSA-PSS" keys are refused too: RS256 is PKCS#1 v1.5.
        guard EVP_PKEY_is_a(key, "RSA") == 1 else { throw .unacceptable("not an RSA key") }
        var n: OpaquePointer?
        var e: OpaquePointer?
        defer {
            BN_free(n)
            BN_free(e)
        }
        guard EVP_PKEY_get_bn_param(key, "n", &n) == 1, EVP_PKEY_get_bn_param(key, "e", &e) == 1, let n, let e else {
            throw .malformed("RSA key without n or e")
        }
        let bits = Int(BN_num_bits(n))
        guard bits >= minimumBits else { throw .unacceptable("modulus of \(bits) bits is below \(minimumBits)") }
        guard bits <= maximumBits else { throw .unacceptable("modulus of \(bits) bits is above \(maximumBits)") }
        guard BN_is_odd(n) == 1 else { throw .unacceptable("even modulus") }
        let exponentBits = Int(BN_num_bits(e))
        guard exponentBits >= 2, exponentBits <= 64 else { throw .unacceptable("public exponent out of range (3 to 2^64-1)") }
        guard BN_is_odd(e) == 1 else { throw .unacceptable("even public exponent") }
    }

    private static func digestName(_ digest: DigestAlgorithm) -> String {
        switch digest {
        case .sha1: "SHA1"
        case .sha256: "SHA256"
        }
    }

    /// OpenSSL's reasons for the last failure (and an empty queue), for error messages; never key material.
    private static func drainErrors() -> String {
        TLSError.drain()
    }
}
