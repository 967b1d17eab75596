internal import COpenSSL

/// A freshly generated RSA key pair, as OpenSSH and CloudStack's `createSSHKeyPair` present it.
public struct RSAKeyPair: Sendable {
    /// The private key in traditional PKCS#1 PEM (an `RSA PRIVATE KEY` block), as JSch writes it.
    public let privateKeyPEM: String
    /// The public key blob in OpenSSH wire format (`string "ssh-rsa"`, `mpint e`, `mpint n`).
    public let publicKeyBlob: [UInt8]

    /// The `ssh-rsa AAAA...` line for `authorized_keys`, with an optional comment.
    public func openSSHPublicKey(comment: String = "") -> String {
        let line = "ssh-rsa " + Base64.encode(publicKeyBlob)
        return comment.isEmpty ? line : line + " " + comment
    }

    /// Generates a key pair of `bits` bits; `nil` when OpenSSL fails.
    public static func generate(bits: Int = 2048) -> RSAKeyPair? {
        guard let context = EVP_PKEY_CTX_new_from_name(nil, "RSA", nil) else { return nil }
        defer { EVP_PKEY_CTX_free(context) }
        guard EVP_PKEY_keygen_init(context) == 1,
            EVP_PKEY_CTX_set_rsa_keygen_bits(context, Int32(bits)) == 1
        else { return nil }
        var key: OpaquePointer?
        guard EVP_PKEY_generate(context, &key) == 1, let key else { return nil }
        defer { EVP_PKEY_free(key) }
        guard let pem = privatePEM(key), let n = bignum(key, "n"), let e = bignum(key, "e") else { return nil }
        var blob: [UInt8] = []
        SSHWire.appendString(Array("ssh-rsa".utf8), to: &blob)
        SSHWire.appendMPInt(e, to: &blob)
        SSHWire.appendMPInt(n, to: &blob)
        return RSAKeyPair(privateKeyPEM: pem, publicKeyBlob: blob)
    }

    private static func privatePEM(_ key: OpaquePointer) -> String? {
        guard let bio = BIO_new(BIO_s_mem()) else { return nil }
        defer { BIO_free(bio) }
        guard PEM_write_bio_PrivateKey_traditional(bio, key, nil, nil, 0, nil, nil) == 1 else { return nil }
        let pending = Int(BIO_ctrl_pending(bio))
        var out = [UInt8](repeating: 0, count: pending)
        let read = out.withUnsafeMutableBytes { BIO_read(bio, $0.baseAddress, Int32(pending)) }
        guard read == pending else { return nil }
        return String(decoding: out, as: UTF8.self)
    }

    /// Big-endian magnitude bytes of an RSA parameter.
    private static func bignum(_ key: OpaquePointer, _ name: String) -> [UInt8]? {
        var bn: OpaquePointer?
        guard EVP_PKEY_get_bn_param(key, name, &bn) == 1, let bn else { return nil }
        defer { BN_free(bn) }
        let length = (Int(BN_num_bits(bn)) + 7) / 8
        var out = [UInt8](repeating: 0, count: length)
        _ = out.withUnsafeMutableBufferPointer { BN_bn2bin(bn, $0.baseAddress) }
        return out
    }
}
