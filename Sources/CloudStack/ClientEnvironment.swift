import Pipeline

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The client's clocks, sleep and randomness, injectable so tests need no real time.
public struct ClientEnvironment: Sendable {
    /// Sleeps for the given nanoseconds; throws `CancellationError` when the task is cancelled.
    public var sleep: @Sendable (UInt64) async throws -> Void
    /// A uniform random number in `0..<1` (backoff jitter).
    public var random: @Sendable () -> Double
    /// Monotonic nanoseconds (latency, job deadlines).
    public var monotonicNanos: @Sendable () -> UInt64
    /// Wall-clock seconds since 1970 (`expires`).
    public var epochSeconds: @Sendable () -> Int64

    /// Creates an environment from its parts.
    public init(
        sleep: @escaping @Sendable (UInt64) async throws -> Void,
        random: @escaping @Sendable () -> Double,
        monotonicNanos: @escaping @Sendable () -> UInt64,
        epochSeconds: @escaping @Sendable () -> Int64
    ) {
        self.sleep = sleep
        self.random = random
        self.monotonicNanos = monotonicNanos
        self.epochSeconds = epochSeconds
    }

    /// The real clocks, `Task.sleep` and the system random generator.
    public static let live = ClientEnvironment(
        sleep: { try await Task.sleep(nanoseconds: $0) },
        random: { Double.random(in: 0..<1) },
        monotonicNanos: { Pipeline.monotonicNanos() },
        epochSeconds: { Int64(time(nil)) }
    )
}
