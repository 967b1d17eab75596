import Synchronization

/// A clock tests move by hand: the simulator, the client's sleeps and the token clock all read it.
final class ManualClock: Sendable {
    private let nanos = Mutex<UInt64>(1_790_000_000 * 1_000_000_000)

    var now: UInt64 { nanos.withLock { $0 } }
    var seconds: Int64 { Int64(now / 1_000_000_000) }

    func advance(_ delta: UInt64) { nanos.withLock { $0 += delta } }
    func advance(seconds: Int) { advance(UInt64(seconds) * 1_000_000_000) }
}
