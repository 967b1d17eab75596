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

/// How much seed data to create beyond the fixed cloud (zones, offerings, templates, accounts).
public struct SeedData: Sendable, Equatable {
    /// Normal (non-admin) accounts, named `user1`, `user2`, …
    public var userAccounts: Int
    /// Running VMs created per normal account.
    public var vmsPerAccount: Int
    /// Extra data volumes per normal account (Allocated, not attached).
    public var volumesPerAccount: Int
    /// Tags per seeded VM (`key0=value0`, …).
    public var tagsPerVM: Int

    /// Creates a seed-data description.
    public init(userAccounts: Int = 2, vmsPerAccount: Int = 0, volumesPerAccount: Int = 0, tagsPerVM: Int = 0) {
        self.userAccounts = userAccounts
        self.vmsPerAccount = vmsPerAccount
        self.volumesPerAccount = volumesPerAccount
        self.tagsPerVM = tagsPerVM
    }

    /// The small demo cloud: two user accounts with two tagged VMs and one spare volume each.
    public static let demo = SeedData(userAccounts: 2, vmsPerAccount: 2, volumesPerAccount: 1, tagsPerVM: 1)
    /// Accounts only, no VMs or volumes.
    public static let empty = SeedData(userAccounts: 2)
}

/// Faults injected after authentication, each with a probability in 0...1 (deterministic PRNG from the seed).
public struct ErrorInjection: Sendable, Equatable {
    /// Share of requests answered 530 "Internal error executing command, please contact your system administrator".
    public var internalErrorRate: Double
    /// Share of requests whose connection is reset without a reply.
    public var resetRate: Double
    /// Share of requests whose body is cut in half (headers announce the full length).
    public var truncateRate: Double
    /// Share of requests answered 200 with a body that is not valid JSON.
    public var invalidJSONRate: Double
    /// CloudStack `api.throttling`: at most `throttleMax` requests per account per `throttleIntervalNanos`
    /// window (root admin exempt); 0 disables it.
    public var throttleMax: Int
    /// The throttling window.
    public var throttleIntervalNanos: UInt64

    /// Creates an error-injection setting; the default injects nothing.
    public init(internalErrorRate: Double = 0, resetRate: Double = 0, truncateRate: Double = 0, invalidJSONRate: Double = 0,
                throttleMax: Int = 0, throttleIntervalNanos: UInt64 = 1_000_000_000) {
        self.internalErrorRate = internalErrorRate
        self.resetRate = resetRate
        self.truncateRate = truncateRate
        self.invalidJSONRate = invalidJSONRate
        self.throttleMax = throttleMax
        self.throttleIntervalNanos = throttleIntervalNanos
    }
}
