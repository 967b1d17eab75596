public import CloudStack
public import Pipeline

/// Remembers another source's answers: known keys for `ttl` seconds, unknown keys for `negativeTTL`.
///
/// The negative cache keeps a client with a wrong key from turning every request into a backend
/// lookup; errors from the source are not cached.
public struct CredentialCache: CredentialSource {
    private let upstream: any CredentialSource
    private let cache: TTLCache<String, CloudStackCredentials?>
    private let ttl: Int64
    private let negativeTTL: Int64

    /// Caches `upstream`'s answers.
    public init(
        _ upstream: any CredentialSource, ttl: Int64 = 300, negativeTTL: Int64 = 30, capacity: Int = 10_000,
        clock: Clock = .system
    ) {
        self.upstream = upstream
        self.cache = TTLCache(capacity: capacity, clock: clock)
        self.ttl = ttl
        self.negativeTTL = negativeTTL
    }

    public func credentials(forAccessKeyID accessKeyID: String) async throws -> CloudStackCredentials? {
        if let cached = cache.value(for: accessKeyID) { return cached }
        let pair = try await upstream.credentials(forAccessKeyID: accessKeyID)
        cache.store(pair, for: accessKeyID, ttl: pair == nil ? negativeTTL : ttl)
        return pair
    }

    /// Forgets `accessKeyID`, e.g. after the user's keys were regenerated.
    public func invalidate(_ accessKeyID: String) {
        cache.remove(accessKeyID)
    }
}
