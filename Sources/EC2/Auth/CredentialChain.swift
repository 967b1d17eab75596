public import CloudStack
/// Sources tried in order; the first that knows the key answers.
///
/// A source that throws does not hide the later ones: the chain goes on, and rethrows the first
/// failure only if no later source knows the key (so "unknown" is never claimed while a source is down).
public struct CredentialChain: CredentialSource {
    private let sources: [any CredentialSource]

    /// Creates a chain; an empty chain knows no key.
    public init(_ sources: [any CredentialSource]) {
        self.sources = sources
    }

    public func credentials(forAccessKeyID accessKeyID: String) async throws -> CloudStackCredentials? {
        var failure: (any Error)?
        for source in sources {
            do {
                if let pair = try await source.credentials(forAccessKeyID: accessKeyID) { return pair }
            } catch {
                if failure == nil { failure = error }
            }
        }
        if let failure { throw failure }
        return nil
    }
}
