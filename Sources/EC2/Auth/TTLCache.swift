public import Pipeline
import Synchronization

/// A small in-memory cache whose entries expire after a time-to-live, on an injectable clock.
///
/// Thread-safe (one mutex); bounded by `capacity`: when full, expired entries go first, then the
/// entries closest to expiry.
public final class TTLCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private struct Entry {
        var value: Value
        var expires: Int64
    }

    private let entries = Mutex<[Key: Entry]>([:])
    private let clock: Clock
    private let capacity: Int

    /// Creates a cache holding at most `capacity` entries.
    public init(capacity: Int = 10_000, clock: Clock = .system) {
        self.capacity = max(1, capacity)
        self.clock = clock
    }

    /// The live value for `key`, if any.
    public func value(for key: Key) -> Value? {
        let now = clock.epochSeconds
        return entries.withLock { table in
            guard let entry = table[key] else { return nil }
            if entry.expires <= now {
                table[key] = nil
                return nil
            }
            return entry.value
        }
    }

    /// Stores `value` for `ttl` seconds.
    public func store(_ value: Value, for key: Key, ttl: Int64) {
        let now = clock.epochSeconds
        entries.withLock { table in
            if table[key] == nil && table.count >= capacity {
                table = table.filter { $0.value.expires > now }
                if table.count >= capacity {
                    let victims = table.sorted { $0.value.expires < $1.value.expires }.prefix(max(1, capacity / 4))
                    for victim in victims { table[victim.key] = nil }
                }
            }
            table[key] = Entry(value: value, expires: now + ttl)
        }
    }

    /// Forgets `key`.
    public func remove(_ key: Key) {
        _ = entries.withLock { $0.removeValue(forKey: key) }
    }

    /// The number of entries held, live or not yet swept.
    public var count: Int { entries.withLock { $0.count } }
}
