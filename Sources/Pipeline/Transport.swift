/// One request to a backend (the CloudStack management server), as the client stage builds it.
public struct OutboundRequest: Sendable {
    /// GET or POST.
    public var method: HTTPMethod
    /// Path plus query, e.g. `/client/api?command=listZones&...`.
    public var target: String
    /// Extra headers (`Host` is always added by the transport).
    public var headers: Headers
    /// The body; a POST form for large commands.
    public var body: [UInt8]
    /// Whether the request may be sent again after a reset or timeout (idempotent reads only).
    public var idempotent: Bool

    /// Creates an outbound request.
    public init(method: HTTPMethod, target: String, headers: Headers = Headers(), body: [UInt8] = [], idempotent: Bool) {
        self.method = method
        self.target = target
        self.headers = headers
        self.body = body
        self.idempotent = idempotent
    }
}

/// A backend's answer.
public struct InboundResponse: Sendable {
    /// The HTTP status.
    public var status: Int
    /// The response headers.
    public var headers: Headers
    /// The body bytes.
    public var body: [UInt8]

    /// Creates a response value.
    public init(status: Int, headers: Headers = Headers(), body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

/// Why a backend exchange produced no HTTP response.
public enum TransportError: Error, Sendable, Equatable {
    /// The TCP or TLS connection could not be established.
    case connectFailed(String)
    /// The connection was reset or closed before a complete response arrived.
    case connectionReset
    /// No complete response within the response timeout.
    case timeout
    /// Every pooled connection stayed busy past the queue deadline, or the queue was full.
    case poolExhausted
    /// The transport is shutting down.
    case shutdown
    /// The answer was larger than the transport's cap; it was not read.
    case responseTooLarge
}

/// Sends requests to the backend. The event-loop pool implements it; tests use in-memory ones.
public protocol Transport: Sendable {
    /// Sends one request and returns its response, or throws `TransportError`.
    func send(_ request: OutboundRequest) async throws -> InboundResponse
}
