/// Per-request facts that travel through every phase and stage: id, API, action, timings.
public struct RequestContext: Sendable {
    /// The request id, returned to clients (EC2 `requestId`, GCE `x-request-id`) and logged.
    public var requestID: String
    /// The API the router chose.
    public var api: API = .none
    /// The action or method name once known (`DescribeInstances`, `compute.instances.list`).
    public var action: String = "-"
    /// Who made the request once authenticated (an access key id; never a secret).
    public var principal: String = "-"
    /// Monotonic start time in nanoseconds.
    public var startNanos: UInt64
    /// Nanoseconds spent in each phase that ran.
    public var phaseNanos = PhaseTimings()
    /// Whether the client went away before the reply (set by the front end).
    public var clientGone = false

    /// Creates a context with a request id and a start time.
    public init(requestID: String, startNanos: UInt64) {
        self.requestID = requestID
        self.startNanos = startNanos
    }
}
