import Crypto

/// The one fingerprint the bridge reports for a key pair, whatever the path: CloudStack's.
///
/// EC2 shows different forms by origin (SHA-1 of the PKCS#8 private key for keys it created, MD5 of
/// the SubjectPublicKeyInfo DER for imported RSA keys, base64 SHA-256 for ed25519), but listSSHKeyPairs
/// returns neither key, only CloudStack's fingerprint (MD5 of the OpenSSH public key blob, colon-separated
/// lower-case hex, as `ssh-keygen -l -E md5` prints). Create, Import and Describe all report that one,
/// so a tool comparing an import's answer with a later Describe (Ansible's `ec2_key`) sees the same key.
enum KeyFingerprint {
    /// CloudStack's fingerprint of an OpenSSH public key line (`ssh-rsa AAAA… comment`).
    static func cloudStack(openSSHLine: String) -> String? {
        guard let (_, blob) = openSSHBlob(openSSHLine) else { return nil }
        return MD5.hash(blob).map { Hex.encode([$0]) }.joined(separator: ":")
    }

    /// The key type and decoded blob of an OpenSSH public key line, if it is one EC2 accepts.
    static func openSSHBlob(_ line: String) -> (type: String, blob: [UInt8])? {
        let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
        guard fields.count >= 2, ["ssh-rsa", "ssh-ed25519"].contains(String(fields[0])),
            let blob = Base64.decode(fields[1]), let type = sshString(blob, at: 0), type == Array(fields[0].utf8)
        else { return nil }
        return (String(fields[0]), blob)
    }

    /// The SSH wire `string` at `offset` (a 4-byte big-endian length, then the bytes), bounds-checked.
    private static func sshString(_ bytes: [UInt8], at offset: Int) -> [UInt8]? {
        guard offset + 4 <= bytes.count else { return nil }
        let length = bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
        guard length <= bytes.count - offset - 4 else { return nil }
        return Array(bytes[(offset + 4)..<(offset + 4 + length)])
    }
}
