public import Crypto

/// Where the management server is and how to reach it.
public struct BackendEndpoint: Sendable {
    /// Host name or address.
    public var host: String
    /// TCP port.
    public var port: Int
    /// TLS settings for HTTPS, nil for plain HTTP.
    public var tls: TLSClientContext?
    /// The `Host` header value (evhttp's client does not add one: notes, pitfall 9).
    public var hostHeader: String {
        let defaultPort = tls == nil ? 80 : 443
        return port == defaultPort ? host : "\(host):\(port)"
    }

    /// Creates an endpoint.
    public init(host: String, port: Int, tls: TLSClientContext? = nil) {
        self.host = host
        self.port = port
        self.tls = tls
    }
}

/// Pool sizing and timeouts for backend connections.
public struct BackendPoolConfiguration: Sendable {
    /// Connections per loop.
    public var size: Int
    /// Idle connections are closed after this long (keep it below CloudStack's 30 s Jetty idle timeout).
    public var idleTimeoutSeconds: Double
    /// Requests that may wait for a connection at once; more are refused.
    public var queueLimit: Int
    /// How long a request may wait for a connection.
    public var queueDeadlineSeconds: Double
    /// Seconds from sending a request to its complete response (connecting included); a backend that
    /// drips bytes cannot stretch it, because it is a deadline, not an inactivity timeout.
    public var responseTimeoutSeconds: Double
    /// Largest answer body read from the backend; a larger one fails the request unread.
    public var maxResponseBytes: Int
    /// Largest answer header block read from the backend.
    public var maxResponseHeaderBytes: Int

    /// Creates a configuration.
    public init(
        size: Int = 16, idleTimeoutSeconds: Double = 20, queueLimit: Int = 256, queueDeadlineSeconds: Double = 2,
        responseTimeoutSeconds: Double = 30, maxResponseBytes: Int = 64 << 20, maxResponseHeaderBytes: Int = 64 << 10
    ) {
        self.maxResponseBytes = maxResponseBytes
        self.maxResponseHeaderBytes = maxResponseHeaderBytes
        self.size = size
        self.idleTimeoutSeconds = idleTimeoutSeconds
        self.queueLimit = queueLimit
        self.queueDeadlineSeconds = queueDeadlineSeconds
        self.responseTimeoutSeconds = responseTimeoutSeconds
    }
}

/// What the pool reports for metrics.
public protocol BackendPoolObserver: Sendable {
    /// The pool's occupancy changed.
    func pool(loop: Int, inUse: Int, idle: Int, waiting: Int)
    /// A new backend connection was opened.
    func backendConnectionOpened()
}

/// An observer that records nothing.
public struct NoBackendPoolObserver: BackendPoolObserver {
    /// Creates the no-op observer.
    public init() {}
    public func pool(loop: Int, inUse: Int, idle: Int, waiting: Int) {}
    public func backendConnectionOpened() {}
}
