import CloudStack

/// `CreateKeyPair` [createSSHKeyPair]: RSA, PEM; the private key is returned once, as EC2 does; the
/// fingerprint is CloudStack's, the one DescribeKeyPairs reports (`KeyFingerprint`).
enum CreateKeyPair: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let keyName: String
        let keyType: String?
        let keyFormat: String?
        let tagSpecifications: [TagSpecification]?
        enum CodingKeys: String, CodingKey {
            case keyName = "KeyName"
            case keyType = "KeyType"
            case keyFormat = "KeyFormat"
            case tagSpecifications = "TagSpecification"
        }
    }

    typealias Output = KeyPairInfoView
    static let name = "CreateKeyPair"

    static func validate(_ input: Input) throws(EC2Error) {
        try KeyPairLookup.validate(input.keyName)
        if let type = input.keyType, type != "rsa" {
            throw EC2Error.unsupportedOperation("CloudStack creates RSA key pairs only; import an \(XMLSafeName.clip(type)) key instead.")
        }
        if let format = input.keyFormat, format != "pem" {
            throw EC2Error.unsupportedOperation("Only the pem key format is available.")
        }
        try KeyPairLookup.refuseTags(input.tagSpecifications)
    }

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        if try await KeyPairLookup.named(input.keyName, in: context) != nil { throw KeyPairLookup.duplicate(input.keyName) }
        let pair = try await context.call(CommandTable.createSSHKeyPair, ["name": input.keyName])
        guard let privateKey = pair.privatekey else { throw EC2Error.internalError() }
        return KeyPairInfoView(
            keyPairId: KeyPairInfoView.id(pair), keyName: pair.name ?? input.keyName,
            keyFingerprint: pair.fingerprint ?? "", keyMaterial: privateKey)
    }
}
