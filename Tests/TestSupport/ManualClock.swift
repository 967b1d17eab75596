public import Pipeline
import Synchronization

/// A clock tests move by hand: wall and monotonic time advance together, and `sleep` advances time by
/// the requested amount at once (recording it), so timing behaviour is tested without waiting.
public final class ManualClock: Sendable {
    private let state: Mutex<(elapsed: UInt64, sleeps: [UInt64])>
    private let wallOrigin: UInt64
    private let monotonicOrigin: UInt64

    /// A clock at `epochSeconds` wall time and `monotonicNanos` on the monotonic scale.
    public init(epochSeconds: Int64 = 1_790_000_000, monotonicNanos: UInt64 = 1_000) {
        wallOrigin = UInt64(max(0, epochSeconds)) * Clock.nanosPerSecond
        monotonicOrigin = monotonicNanos
        state = Mutex((0, []))
    }

    /// Wall-clock nanoseconds since 1970.
    public var wallNanos: UInt64 { wallOrigin + state.withLock { $0.elapsed } }
    /// Monotonic nanoseconds.
    public var monotonicNanos: UInt64 { monotonicOrigin + state.withLock { $0.elapsed } }
    /// Whole wall-clock seconds since 1970.
    public var epochSeconds: Int64 { Int64(wallNanos / Clock.nanosPerSecond) }
    /// Every duration passed to `clock.sleep`, in order.
    public var sleeps: [UInt64] { state.withLock { $0.sleeps } }

    /// Moves time forward by `nanos`.
    public func advance(nanos: UInt64) { state.withLock { $0.elapsed += nanos } }
    /// Moves time forward by `seconds`.
    public func advance(seconds: Int64) { advance(nanos: UInt64(max(0, seconds)) * Clock.nanosPerSecond) }
    /// Moves time forward by `milliseconds`.
    public func advance(milliseconds: UInt64) { advance(nanos: milliseconds * 1_000_000) }

    /// This clock as the `Clock` value production code takes.
    public var clock: Clock {
        Clock(
            wallNanos: { self.wallNanos }, monotonicNanos: { self.monotonicNanos },
            sleep: { nanos in
                try Task.checkCancellation()
                self.state.withLock {
                    $0.elapsed += nanos
                    $0.sleeps.append(nanos)
                }
                // Lets the tasks that the sleeper would have let run get a turn, as a real sleep would.
                await Task.yield()
            })
    }
}
