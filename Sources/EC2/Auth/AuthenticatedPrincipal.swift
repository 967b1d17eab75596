public import CloudStack
/// Who made a verified EC2 request, and with which key pair (to sign CloudStack calls as them).
public struct AuthenticatedPrincipal: Sendable, CustomStringConvertible {
    /// The access key id the request was signed with.
    public let accessKeyID: String
    /// The key pair found for it.
    public let keyPair: CloudStackCredentials
    /// The signature scheme the request used.
    public let scheme: SignatureScheme

    /// Creates a principal.
    public init(keyPair: CloudStackCredentials, scheme: SignatureScheme) {
        self.accessKeyID = keyPair.apiKey
        self.keyPair = keyPair
        self.scheme = scheme
    }

    /// Access key id and scheme; no secret.
    public var description: String { "\(accessKeyID) (\(scheme.rawValue))" }
}
