/// The answer of RegisterSecretKey and RemoveSecretKey: the access key id and a message, never the secret.
struct SecretKeyResultView: TemplateModel {
    let accessKeyID: String
    let message: String
    static let templateFields: TemplateFields<Self> = ["AWSAccessKeyId": .string(\.accessKeyID), "Message": .string(\.message)]
}
