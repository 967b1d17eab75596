public import Pipeline
import Synchronization

/// A bounded time-to-live cache on an injected clock in which concurrent misses of one key share one load.
///
/// A hit takes one short lock. The first miss loads; later misses of the same key wait for that load and get
/// its value. If the load fails, each waiter loads for itself, so every caller gets its own error and nothing
/// failed is remembered.
public final class SingleFlightCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private enum Slot {
        case ready(Value, expires: UInt64)
        /// A load in flight, its waiters, and whether its value is kept (`remove` during the load says no).
        case loading([CheckedContinuation<Value?, Never>], keep: Bool)
    }

    private let slots = Mutex<[Key: Slot]>([:])
    private let clock: Clock
    private let ttlNanos: UInt64
    private let capacity: Int
    private let releaseWhenExpired: Bool

    /// A cache of at most `capacity` keys whose values live `ttlSeconds` on `clock`'s monotonic time.
    ///
    /// With `releaseWhenExpired`, a value is also let go once it has expired, though nobody asks for its key again
    /// (a real-time task per stored value, so for caches of few, large values: what a caller's large list keeps is
    /// freed a TTL after it was read, not held until that caller comes back). Otherwise an expired value goes when
    /// its key is read again or room is made.
    public init(ttlSeconds: Int64, capacity: Int, clock: Clock, releaseWhenExpired: Bool = false) {
        let seconds = UInt64(max(0, ttlSeconds))
        let (nanos, overflow) = seconds.multipliedReportingOverflow(by: Clock.nanosPerSecond)
        ttlNanos = overflow ? UInt64.max : nanos
        self.capacity = max(1, capacity)
        self.clock = clock
        self.releaseWhenExpired = releaseWhenExpired
    }

    private enum Lookup {
        case hit(Value)
        case lead
        case wait
    }

    /// The fresh value of `key`, or the value `load` returns (shared with concurrent misses of `key`).
    public func value<E: Error>(for key: Key, load: () async throws(E) -> Value) async throws(E) -> Value {
        let now = clock.monotonicNanos()
        let lookup: Lookup = slots.withLock { table in
            switch table[key] {
            case .ready(let value, let expires) where expires > now: return .hit(value)
            case .loading: return .wait
            default:
                makeRoom(in: &table, for: key, now: now)
                table[key] = .loading([], keep: true)
                return .lead
            }
        }
        switch lookup {
        case .hit(let value):
            return value
        case .wait:
            if let shared = await waitForLoad(of: key) { return shared }
            return try await load()
        case .lead:
            do throws(E) {
                let value = try await load()
                finish(key, with: value)
                return value
            } catch {
                finish(key, with: nil)
                throw error
            }
        }
    }

    /// Forgets `key`; a load in flight still answers its waiters but is not kept, since it may predate the change.
    public func remove(_ key: Key) {
        slots.withLock { table in
            switch table[key] {
            case .ready: table[key] = nil
            case .loading(let waiters, _): table[key] = .loading(waiters, keep: false)
            case nil: break
            }
        }
    }

    /// Keys held, fresh, expired or loading.
    public var count: Int { slots.withLock { $0.count } }

    /// Requests waiting for the load of `key` (tests use it to know every miss has joined a load).
    func waiters(for key: Key) -> Int {
        slots.withLock { table in
            if case .loading(let waiters, _) = table[key] { return waiters.count }
            return 0
        }
    }

    private func waitForLoad(of key: Key) async -> Value? {
        await withCheckedContinuation { (continuation: CheckedContinuation<Value?, Never>) in
            let immediate: Value?? = slots.withLock { table in
                switch table[key] {
                case .loading(var waiters, let keep):
                    waiters.append(continuation)
                    table[key] = .loading(waiters, keep: keep)
                    return .none
                case .ready(let value, _): return .some(value)
                case nil: return .some(nil)
                }
            }
            if let immediate { continuation.resume(returning: immediate) }
        }
    }

    private func finish(_ key: Key, with value: Value?) {
        let sum = clock.monotonicNanos().addingReportingOverflow(ttlNanos)
        let expires = sum.overflow ? UInt64.max : sum.partialValue
        var kept = false
        let waiters: [CheckedContinuation<Value?, Never>] = slots.withLock { table in
            guard case .loading(let waiters, let keep) = table[key] else { return [] }
            if let value, keep, ttlNanos > 0 {
                table[key] = .ready(value, expires: expires)
                kept = true
            } else {
                table[key] = nil
            }
            return waiters
        }
        for waiter in waiters { waiter.resume(returning: value) }
        if kept, releaseWhenExpired, !sum.overflow { scheduleRelease(key, expires: expires) }
    }

    /// Lets the value stored for `key` with `expires` go once it has expired on the injected clock (checked after
    /// the TTL in real time, then again each TTL while the injected clock says it has not: a test's manual clock).
    private func scheduleRelease(_ key: Key, expires: UInt64) {
        let (wait, clock) = (min(ttlNanos, UInt64(Int64.max)) &+ 50_000_000, self.clock)
        Task { [weak self] in
            while true {
                try? await Task.sleep(nanoseconds: wait)
                guard let self else { return }
                let now = clock.monotonicNanos()
                let pending: Bool = self.slots.withLock { table in
                    guard case .ready(_, let stamp) = table[key], stamp == expires else { return false }
                    guard stamp <= now else { return true }
                    table[key] = nil
                    return false
                }
                if !pending { return }
            }
        }
    }

    /// Keeps the table within `capacity` before `key` is added: expired values go first, then a quarter of the
    /// values closest to expiry. Loads in flight are never dropped (their waiters are resumed by `finish`).
    private func makeRoom(in table: inout [Key: Slot], for key: Key, now: UInt64) {
        guard table.index(forKey: key) == nil, table.count >= capacity else { return }
        table = table.filter { entry in
            if case .ready(_, let expires) = entry.value { return expires > now }
            return true
        }
        guard table.count >= capacity else { return }
        let ready = table.compactMap { entry -> (Key, UInt64)? in
            if case .ready(_, let expires) = entry.value { return (entry.key, expires) }
            return nil
        }
        for victim in ready.sorted(by: { $0.1 < $1.1 }).prefix(max(1, capacity / 4)) { table[victim.0] = nil }
    }
}
