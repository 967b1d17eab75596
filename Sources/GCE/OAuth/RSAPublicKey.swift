import Crypto

/// An RSA public key that checks RS256 (RSASSA-PKCS1-v1_5 with SHA-256, RFC 8017 §8.2.2) signatures.
struct RSAPublicKey: Sendable {
    /// The modulus, big-endian, without leading zeros.
    let modulus: [UInt8]
    /// The public exponent, big-endian.
    let exponent: [UInt8]

    /// DigestInfo for SHA-256 (RFC 8017 §9.2 note 1).
    private static let sha256Prefix: [UInt8] = [
        0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20,
    ]

    init(modulus: [UInt8], exponent: [UInt8]) {
        self.modulus = Array(modulus.drop { $0 == 0 })
        self.exponent = Array(exponent.drop { $0 == 0 })
    }

    /// The key of an OpenSSH `ssh-rsa` blob (`string "ssh-rsa"`, `mpint e`, `mpint n`).
    init?(sshBlob: [UInt8]) {
        guard let fields = SSHWire.strings(sshBlob), fields.count == 3, fields[0] == Array("ssh-rsa".utf8) else { return nil }
        self.init(modulus: fields[2], exponent: fields[1])
    }

    /// Whether `signature` is this key's RS256 signature of `message`.
    func verifySHA256(_ signature: [UInt8], of message: [UInt8]) -> Bool {
        let length = modulus.count
        guard length >= 128, signature.count == length, !exponent.isEmpty, Self.lessThan(signature, modulus),
            let context = Montgomery(modulus: modulus)
        else { return false }
        let encoded = context.power(signature, exponent, length: length)
        let digest = Digest.hash(.sha256, message)
        let padding = length - 3 - Self.sha256Prefix.count - digest.count
        guard padding >= 8 else { return false }
        let expected = [0x00, 0x01] + [UInt8](repeating: 0xff, count: padding) + [0x00] + Self.sha256Prefix + digest
        return ConstantTime.equals(encoded, expected)
    }

    /// a < b for big-endian numbers of equal length.
    private static func lessThan(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        for (x, y) in zip(a, b) where x != y { return x < y }
        return false
    }
}
