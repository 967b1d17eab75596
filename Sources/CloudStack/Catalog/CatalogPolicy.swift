/// How long the shared catalog remembers a caller's lookups and how many callers it holds (`cloudstack.catalog.*`).
public struct CatalogPolicy: Sendable, Equatable {
    /// Seconds a caller's zone or disk-offering list is answered from memory; 0 reads CloudStack every time
    /// (concurrent misses still share one call).
    public var ttlSeconds: Int64
    /// Callers remembered per list; when full, expired lists go first, then those closest to expiry.
    public var capacity: Int

    /// The default: 30 seconds, as both APIs' zone caches had, for up to 10,000 callers.
    public init(ttlSeconds: Int64 = 30, capacity: Int = 10_000) {
        self.ttlSeconds = max(0, ttlSeconds)
        self.capacity = max(1, capacity)
    }
}
