/// A CloudStack API key pair: the EC2 access key id is the CloudStack API key, the EC2 secret is
/// its secret key, so the gateway can verify the EC2 signature and sign CloudStack calls as the user.
public struct CloudStackKeyPair: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The access key id (CloudStack `apikey`).
    public let accessKeyID: String
    /// The secret key (CloudStack `secretkey`); never printed.
    public let secretKey: String

    /// Creates a key pair.
    public init(accessKeyID: String, secretKey: String) {
        self.accessKeyID = accessKeyID
        self.secretKey = secretKey
    }

    /// The access key id with the secret redacted.
    public var description: String { "CloudStackKeyPair(accessKeyID: \(accessKeyID), secretKey: <redacted>)" }

    /// Same as `description`: the secret stays out of debug output too.
    public var debugDescription: String { description }
}
