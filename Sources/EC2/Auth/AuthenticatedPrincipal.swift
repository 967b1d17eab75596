/// Who made a verified EC2 request, and with which key pair (to sign CloudStack calls as them).
public struct AuthenticatedPrincipal: Sendable, CustomStringConvertible {
    /// The access key id the request was signed with.
    public let accessKeyID: String
    /// The key pair found for it.
    public let keyPair: CloudStackKeyPair
    /// The signature scheme the request used.
    public let scheme: SignatureScheme

    /// Creates a principal.
    public init(keyPair: CloudStackKeyPair, scheme: SignatureScheme) {
        self.accessKeyID = keyPair.accessKeyID
        self.keyPair = keyPair
        self.scheme = scheme
    }

    /// Access key id and scheme; no secret.
    public var description: String { "\(accessKeyID) (\(scheme.rawValue))" }
}

/// The ways an EC2 request can be signed.
public enum SignatureScheme: String, Sendable, Hashable, CaseIterable {
    /// SigV4 in the `Authorization` header.
    case v4Header = "SigV4"
    /// SigV4 in the query string (presigned).
    case v4Query = "SigV4-query"
    /// SigV2 with `HmacSHA256`.
    case v2HmacSHA256 = "SigV2-HmacSHA256"
    /// SigV2 with `HmacSHA1`.
    case v2HmacSHA1 = "SigV2-HmacSHA1"
}
