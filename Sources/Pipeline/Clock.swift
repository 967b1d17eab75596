#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The bridge's one source of time: wall-clock and monotonic nanoseconds and a sleep, passed to every
/// component that reads time so tests advance a manual clock instead of waiting (`docs/architecture.md`).
public struct Clock: Sendable {
    /// Nanoseconds since 1970-01-01T00:00:00Z (signatures, `expires`, token and cache lifetimes, dates).
    public let wallNanos: @Sendable () -> UInt64
    /// Nanoseconds from an arbitrary origin that never goes backwards (latency, deadlines, idle times).
    public let monotonicNanos: @Sendable () -> UInt64
    /// Waits the given nanoseconds; throws `CancellationError` when the task is cancelled.
    public let sleep: @Sendable (UInt64) async throws -> Void

    /// A clock from its three readings.
    public init(
        wallNanos: @escaping @Sendable () -> UInt64, monotonicNanos: @escaping @Sendable () -> UInt64,
        sleep: @escaping @Sendable (UInt64) async throws -> Void
    ) {
        self.wallNanos = wallNanos
        self.monotonicNanos = monotonicNanos
        self.sleep = sleep
    }

    /// Whole seconds since the epoch: the unit of SigV2/SigV4 skew, `expires`, JWT claims and TTLs.
    public var epochSeconds: Int64 { Int64(wallNanos() / Self.nanosPerSecond) }

    /// Milliseconds since the epoch (log timestamps).
    public var epochMilliseconds: Int64 { Int64(wallNanos() / 1_000_000) }

    /// Nanoseconds in one second, the one place seconds are derived from nanoseconds.
    public static let nanosPerSecond: UInt64 = 1_000_000_000

    /// The operating system's clocks (`CLOCK_REALTIME`, `CLOCK_MONOTONIC`) and `Task.sleep`.
    public static let system = Clock(
        wallNanos: { read(CLOCK_REALTIME) }, monotonicNanos: { read(CLOCK_MONOTONIC) },
        sleep: { try await Task.sleep(nanoseconds: $0) })

    private static func read(_ id: clockid_t) -> UInt64 {
        var ts = timespec()
        clock_gettime(id, &ts)
        // Both clocks are non-negative on Linux and Darwin; the conversion cannot overflow before 2554.
        return UInt64(ts.tv_sec) &* nanosPerSecond &+ UInt64(ts.tv_nsec)
    }
}
