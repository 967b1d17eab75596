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
    /// Commands whose async jobs fail as a storage failure would (`createSnapshot`: the snapshot ends
    /// `Error`; `createTemplate`: the template row is removed; `associateIpAddress`: the address is released
    /// again), each with CloudStack's 530 job error.
    public var failingJobs: Set<String>

    /// Creates an error-injection setting; the default injects nothing.
    public init(
        internalErrorRate: Double = 0, resetRate: Double = 0, truncateRate: Double = 0, invalidJSONRate: Double = 0,
        throttleMax: Int = 0, throttleIntervalNanos: UInt64 = 1_000_000_000, failingJobs: Set<String> = []
    ) {
        self.internalErrorRate = internalErrorRate
        self.resetRate = resetRate
        self.truncateRate = truncateRate
        self.invalidJSONRate = invalidJSONRate
        self.throttleMax = throttleMax
        self.throttleIntervalNanos = throttleIntervalNanos
        self.failingJobs = failingJobs
    }
}
