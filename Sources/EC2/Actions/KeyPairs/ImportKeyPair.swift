import CloudStack

/// `ImportKeyPair` [registerSSHKeyPair]: an OpenSSH `ssh-rsa` or `ssh-ed25519` public key.
enum ImportKeyPair: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let keyName: String
        let publicKeyMaterial: Base64Blob
        enum CodingKeys: String, CodingKey {
            case keyName = "KeyName"
            case publicKeyMaterial = "PublicKeyMaterial"
        }
    }

    typealias Output = KeyPairInfoView
    static let name = "ImportKeyPair"

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        try KeyPairLookup.validate(input.keyName)
        guard let line = String(validating: input.publicKeyMaterial.bytes, as: UTF8.self),
            KeyFingerprint.openSSHBlob(line) != nil, let fingerprint = KeyFingerprint.imported(openSSHLine: line)
        else {
            throw EC2Error(code: "InvalidKey.Format", message: "Key is not in valid OpenSSH public key format")
        }
        if try await KeyPairLookup.named(input.keyName, in: context) != nil { throw KeyPairLookup.duplicate(input.keyName) }
        let key = line.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).first.map(String.init) ?? line
        let pair = try await context.call(CommandTable.registerSSHKeyPair, ["name": input.keyName, "publickey": key])
        return KeyPairInfoView(keyPairId: KeyPairInfoView.id(pair), keyName: pair.name ?? input.keyName, keyFingerprint: fingerprint)
    }
}
