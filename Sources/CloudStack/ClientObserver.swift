/// How one CloudStack request ended, for metrics.
public enum RequestOutcome: Sendable, Equatable {
    /// A decoded 200 answer.
    case success
    /// A CloudStack error answer with this `errorcode`.
    case apiError(Int)
    /// A 429 answer.
    case throttled
    /// No answer (transport failure after any retries).
    case unavailable
    /// A non-CloudStack or undecodable answer.
    case upstreamError
    /// The caller's task was cancelled.
    case cancelled
}

/// Receives the client's measurements; the executable implements it over swift-metrics, so this module
/// depends on no metrics library. Every method has an empty default.
public protocol ClientObserver: Sendable {
    /// One command finished (after any retries); `latencyNanos` covers all attempts.
    func requestFinished(command: String, outcome: RequestOutcome, latencyNanos: UInt64)
    /// An idempotent read is about to be retried (`attempt` counts from 1).
    func requestRetried(command: String, attempt: Int)
    /// CloudStack answered 429.
    func requestThrottled(command: String)
}

extension ClientObserver {
    /// Does nothing.
    public func requestFinished(command: String, outcome: RequestOutcome, latencyNanos: UInt64) {}
    /// Does nothing.
    public func requestRetried(command: String, attempt: Int) {}
    /// Does nothing.
    public func requestThrottled(command: String) {}
}

/// The default observer: ignores everything.
public struct NoObserver: ClientObserver {
    /// Creates the no-op observer.
    public init() {}
}
