public import Pipeline

/// The simulator's answer to one request and how long the server should wait before sending it.
public struct SimulatorReply: Sendable {
    /// The HTTP response (possibly with a `fault`).
    public var response: Response
    /// Injected latency; the server delays the reply by this much.
    public var delayNanos: UInt64

    /// Creates a reply.
    public init(response: Response, delayNanos: UInt64 = 0) {
        self.response = response
        self.delayNanos = delayNanos
    }
}
