/// Everything that shapes a simulator: seed data, key derivation, job timing, latency and faults.
public struct SimulatorConfiguration: Sendable {
    /// Seed for deterministic ids and demo API keys. The keys are demo-only: anyone with the seed has them.
    public var seed: String
    /// How long each async job takes (default 300 ms so clients really poll; 0 for benchmarks).
    public var jobDurationNanos: UInt64
    /// Seed data created at start-up.
    public var seedData: SeedData
    /// Extra delay per command name (the server honours it before replying); `defaultLatencyNanos` otherwise.
    public var latencyNanos: [String: UInt64]
    /// Delay for commands not in `latencyNanos`.
    public var defaultLatencyNanos: UInt64
    /// Injected failures.
    public var errors: ErrorInjection

    /// Creates a configuration; the defaults give the demo cloud with 300 ms jobs and no faults.
    public init(
        seed: String = "stackbridge-demo", jobDurationNanos: UInt64 = 300_000_000, seedData: SeedData = .demo,
        latencyNanos: [String: UInt64] = [:], defaultLatencyNanos: UInt64 = 0, errors: ErrorInjection = ErrorInjection()
    ) {
        self.seed = seed
        self.jobDurationNanos = jobDurationNanos
        self.seedData = seedData
        self.latencyNanos = latencyNanos
        self.defaultLatencyNanos = defaultLatencyNanos
        self.errors = errors
    }
}
