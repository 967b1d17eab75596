import Crypto

/// The fingerprints EC2 reports for key pairs, computed from what CloudStack hands back.
///
/// EC2 (User Guide, "Verify the fingerprint of your key pair"): a key pair EC2 created shows the
/// SHA-1 of its private key in PKCS#8 DER; an imported RSA key the MD5 of its public key in
/// SubjectPublicKeyInfo DER; an imported ED25519 key the base64 SHA-256 of its OpenSSH blob.
/// All hex forms are lower-case, colon-separated.
enum KeyFingerprint {
    /// The fingerprint of a key pair created from `privateKeyPEM` (PKCS#1 `RSA PRIVATE KEY` or PKCS#8).
    static func created(privateKeyPEM: String) -> String? {
        guard let (label, der) = pemBody(privateKeyPEM) else { return nil }
        let pkcs8: [UInt8]
        switch label {
        case "PRIVATE KEY": pkcs8 = der
        case "RSA PRIVATE KEY":
            pkcs8 = DER.sequence(DER.integer([0]) + rsaAlgorithm + DER.tagged(0x04, der))
        default: return nil
        }
        return colonHex(Digest.hash(.sha1, pkcs8))
    }

    /// The fingerprint of an imported OpenSSH public key line (`ssh-rsa AAAA… comment`).
    static func imported(openSSHLine: String) -> String? {
        guard let (type, blob) = openSSHBlob(openSSHLine) else { return nil }
        switch type {
        case "ssh-rsa":
            guard let (e, n) = rsaNumbers(blob) else { return nil }
            let rsaPublicKey = DER.sequence(DER.integer(n) + DER.integer(e))
            let spki = DER.sequence(rsaAlgorithm + DER.tagged(0x03, [0] + rsaPublicKey))
            return colonHex(MD5.hash(spki))
        case "ssh-ed25519":
            return Base64.encode(Digest.hash(.sha256, blob))
        default:
            return nil
        }
    }

    /// The key type and decoded blob of an OpenSSH public key line, if it is one EC2 accepts.
    static func openSSHBlob(_ line: String) -> (type: String, blob: [UInt8])? {
        let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
        guard fields.count >= 2, ["ssh-rsa", "ssh-ed25519"].contains(String(fields[0])),
            let blob = Base64.decode(fields[1]), let type = sshString(blob, at: 0), type.value == Array(fields[0].utf8)
        else { return nil }
        return (String(fields[0]), blob)
    }

    // AlgorithmIdentifier { rsaEncryption (1.2.840.113549.1.1.1), NULL }.
    private static let rsaAlgorithm = DER.sequence([0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x01, 0x05, 0x00])

    private static func rsaNumbers(_ blob: [UInt8]) -> (e: [UInt8], n: [UInt8])? {
        guard let type = sshString(blob, at: 0), let e = sshString(blob, at: type.next), let n = sshString(blob, at: e.next) else {
            return nil
        }
        return (e.value, n.value)
    }

    private static func sshString(_ bytes: [UInt8], at offset: Int) -> (value: [UInt8], next: Int)? {
        guard offset + 4 <= bytes.count else { return nil }
        let length = bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
        guard length <= bytes.count - offset - 4 else { return nil }
        return (Array(bytes[(offset + 4)..<(offset + 4 + length)]), offset + 4 + length)
    }

    private static func pemBody(_ pem: String) -> (label: String, der: [UInt8])? {
        let lines = pem.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).map(String.init)
        guard let begin = lines.firstIndex(where: { $0.hasPrefix("-----BEGIN ") }),
            let end = lines.firstIndex(where: { $0.hasPrefix("-----END ") }), end > begin
        else { return nil }
        let label = String(lines[begin].dropFirst("-----BEGIN ".count).dropLast("-----".count))
        guard let der = Base64.decode(lines[(begin + 1)..<end].joined()) else { return nil }
        return (label, der)
    }

    private static func colonHex(_ bytes: [UInt8]) -> String {
        bytes.map { Hex.encode([$0]) }.joined(separator: ":")
    }
}
