import CloudStack

/// `ImportKeyPair` [registerSSHKeyPair]: an OpenSSH `ssh-rsa` or `ssh-ed25519` public key; the fingerprint is
/// CloudStack's, the one DescribeKeyPairs reports (`KeyFingerprint`).
///
/// CloudStack keeps a public key once per account (registerSSHKeyPair refuses it under a second name), so
/// importing a key already held is refused naming the key pair that holds it.
enum ImportKeyPair: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let keyName: String
        let publicKeyMaterial: Base64Blob
        let tagSpecifications: [TagSpecification]?
        enum CodingKeys: String, CodingKey {
            case keyName = "KeyName"
            case publicKeyMaterial = "PublicKeyMaterial"
            case tagSpecifications = "TagSpecification"
        }
    }

    typealias Output = KeyPairInfoView
    static let name = "ImportKeyPair"

    static func validate(_ input: Input) throws(EC2Error) {
        try KeyPairLookup.validate(input.keyName)
        _ = try publicKey(input)
        try KeyPairLookup.refuseTags(input.tagSpecifications)
    }

    /// The first line of the material and its fingerprint, or `InvalidKey.Format`.
    static func publicKey(_ input: Input) throws(EC2Error) -> (line: String, fingerprint: String) {
        guard let text = String(validating: input.publicKeyMaterial.bytes, as: UTF8.self),
            let fingerprint = KeyFingerprint.cloudStack(openSSHLine: text)
        else {
            throw EC2Error(code: "InvalidKey.Format", message: "Key is not in valid OpenSSH public key format")
        }
        let line = text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).first.map(String.init) ?? text
        return (line, fingerprint)
    }

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let (key, fingerprint) = try publicKey(input)
        if try await KeyPairLookup.named(input.keyName, in: context) != nil { throw KeyPairLookup.duplicate(input.keyName) }
        let holders = try await context.list(CommandTable.listSSHKeyPairs, ["fingerprint": fingerprint])
        if let holder = holders.first(where: { $0.fingerprint == fingerprint }) {
            throw EC2Error(
                code: "InvalidKeyPair.Duplicate",
                message:
                    "The public key is already imported as key pair '\(XMLSafeName.clip(holder.name ?? ""))': CloudStack holds a public key once per account."
            )
        }
        let pair = try await context.call(CommandTable.registerSSHKeyPair, ["name": input.keyName, "publickey": key])
        return KeyPairInfoView(
            keyPairId: KeyPairInfoView.id(pair), keyName: pair.name ?? input.keyName, keyFingerprint: pair.fingerprint ?? fingerprint)
    }
}
