/// The ec2stack registration parameters: `AWSAccessKeyId` and `AWSSecretKey` (unsigned requests).
struct SecretKeyInput: Decodable, Sendable {
    let accessKeyID: String
    let secretKey: String
    enum CodingKeys: String, CodingKey {
        case accessKeyID = "AWSAccessKeyId"
        case secretKey = "AWSSecretKey"
    }
}
