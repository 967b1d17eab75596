import Synchronization

/// A clock the tests move by hand (epoch nanoseconds).
final class ManualClock: Sendable {
    private let nanos = Mutex<UInt64>(1_795_000_000_000_000_000)

    var now: UInt64 { nanos.withLock { $0 } }

    func advance(milliseconds: UInt64) { nanos.withLock { $0 += milliseconds * 1_000_000 } }
}
