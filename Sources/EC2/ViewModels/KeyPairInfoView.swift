import CloudStack

/// botocore shape `KeyPairInfo` (and the members CreateKeyPair and ImportKeyPair answer).
struct KeyPairInfoView: TemplateModel {
    let keyPairId: String
    let keyName: String
    let keyFingerprint: String
    var keyMaterial: String?
    let keyType = "rsa"

    static let templateFields: TemplateFields<Self> = [
        "keyPairId": .string(\.keyPairId),
        "keyName": .string(\.keyName),
        "keyFingerprint": .string(\.keyFingerprint),
        "keyMaterial": .optional(\.keyMaterial),
        "keyType": .string(\.keyType),
    ]

    /// Key pair ids: `key-` and the CloudStack UUID's hex (key pairs are named in CloudStack).
    static func id(_ pair: SSHKeyPair) -> String {
        "key-" + (pair.id ?? "").filter { $0 != "-" }.lowercased()
    }
}
