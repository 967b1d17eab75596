/// The CloudStack client's tunables; every default is what `docs/cloudstack-client.md` documents.
public struct ClientConfiguration: Sendable {
    /// The API path on the management server (`context.path` + `/api`).
    public var path: String = "/client/api"
    /// Requests whose encoded query exceeds this many bytes go as a POST form: Jetty caps request
    /// headers at 8 KB and deployVirtualMachine documents 4 KB of user data over GET.
    public var postThreshold: Int = 4096
    /// When set, requests carry `signatureVersion=3` and `expires` = now + this many seconds.
    public var signatureExpirySeconds: Int64?
    /// Retries of idempotent reads after a reset or timeout.
    public var retry: RetryPolicy = RetryPolicy()
    /// How async jobs are polled.
    public var jobPolling: JobPolling = JobPolling()
    /// Rows per page for `listAll`; CloudStack's default and maximum `default.page.size` is 500.
    public var pageSize: Int = 500
    /// A bound on pages per `listAll`, against a server that keeps answering full pages without `count`.
    public var maxPages: Int = 10_000
    /// Pages `listAll` reads at once after the first page's `count` says how many follow (1: one at a time). A
    /// management server answers several API calls at once; read one at a time, the bridge's decoding of a page and
    /// the server's work on the next never overlap (issue 16: a zone's 5,000 volumes for GCE's instance lists).
    public var pageConcurrency: Int = 3

    /// The defaults.
    public init() {}
}

/// Retry of idempotent reads (`list*`, `get*`, `queryAsyncJobResult`) on `connectionReset`/`timeout`.
/// Mutating commands are never retried: their outcome after a reset is unknown.
public struct RetryPolicy: Sendable {
    /// Retries after the first attempt (0 disables retrying).
    public var maxRetries: Int = 2
    /// Backoff before retry n is `min(maxDelay, baseDelay * 2^(n-1))`, of which a random half is jitter.
    public var baseDelayNanos: UInt64 = 50_000_000
    /// The backoff ceiling.
    public var maxDelayNanos: UInt64 = 1_000_000_000
    /// Retry budget: each first attempt earns this many retry tokens, each retry spends one, so under a
    /// sustained outage retries add at most this fraction of load.
    public var budgetRatio: Double = 0.1
    /// Retry budget: tokens available at start and the most that can be saved up.
    public var budgetCapacity: Double = 10

    /// The defaults.
    public init() {}
}

/// Polling of `queryAsyncJobResult` while a job runs.
public struct JobPolling: Sendable {
    /// The first wait after submitting.
    public var initialIntervalNanos: UInt64 = 250_000_000
    /// Each wait is the previous one times this factor…
    public var multiplier: Double = 1.5
    /// …up to this ceiling.
    public var maxIntervalNanos: UInt64 = 2_000_000_000
    /// Give up (`CloudStackError.jobTimeout`) after this long; the job keeps running in CloudStack.
    public var timeoutNanos: UInt64 = 600_000_000_000

    /// The defaults.
    public init() {}
}
