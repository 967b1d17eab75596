import Synchronization

/// Grants revoked on this instance and codes already used, each remembered until its tokens would expire anyway.
///
/// Per instance by design (no shared database): see docs/gce.md "Revocation with several instances".
final class RevocationList: Sendable {
    private let state = Mutex<[[UInt8]: Int64]>([:])

    /// Remembers `id` until `until` (epoch seconds); returns false if it was already present (a reused code).
    @discardableResult
    func insert(_ id: [UInt8], until: Int64, now: Int64) -> Bool {
        state.withLock { entries in
            if entries.count > 4096 { entries = entries.filter { $0.value > now } }
            if let existing = entries[id], existing > now { return false }
            entries[id] = until
            return true
        }
    }

    /// Whether `id` is present and not yet past its time.
    func contains(_ id: [UInt8], now: Int64) -> Bool {
        state.withLock { entries in (entries[id] ?? Int64.min) > now }
    }
}
