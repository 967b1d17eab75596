public import CloudStack
/// Finds the key pair for an access key id.
///
/// Implementations: `StaticCredentialSource` (a file), `CredentialCache` (in front of a slow source),
/// `CredentialChain` (several in order). The CloudStack `getUserKeys` lookup and the SQLite registry
/// implement this protocol too once written.
public protocol CredentialSource: Sendable {
    /// The key pair for `accessKeyID`, or `nil` if this source does not know it.
    ///
    /// Throws only when the source cannot answer (backend down); an unknown key is `nil`.
    func credentials(forAccessKeyID accessKeyID: String) async throws -> CloudStackCredentials?
}
