public import Pipeline

/// The client's clock and randomness, injectable so tests need no real time.
public struct ClientEnvironment: Sendable {
    /// Latency, job deadlines, backoff sleeps (monotonic) and `expires` (wall clock).
    public var clock: Clock
    /// A uniform random number in `0..<1` (backoff jitter).
    public var random: @Sendable () -> Double

    /// Creates an environment from its parts.
    public init(clock: Clock, random: @escaping @Sendable () -> Double) {
        self.clock = clock
        self.random = random
    }

    /// The system clock and the system random generator.
    public static let live = ClientEnvironment(clock: .system, random: { Double.random(in: 0..<1) })
}
