/// Why an RSA public key was refused: the text names the problem, never key material.
public enum RSAKeyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The encoding could not be read (bad DER, PEM, base64url or SSH blob).
    case malformed(String)
    /// A well-formed key that is not accepted (not RSA, too small or large, bad exponent).
    case unacceptable(String)
    /// OpenSSL failed for a reason that is not the input's fault.
    case openSSL(String)

    public var description: String {
        switch self {
        case .malformed(let reason): "malformed RSA public key: \(reason)"
        case .unacceptable(let reason): "unacceptable RSA public key: \(reason)"
        case .openSSL(let call): "\(call) failed"
        }
    }
}
