public import Crypto
public import Pipeline

/// Where one client listener binds and whether it speaks TLS.
public struct ListenerConfiguration: Sendable {
    /// The address to bind, e.g. `0.0.0.0` or `127.0.0.1`.
    public var address: String
    /// The port; 0 asks the kernel for an ephemeral port (tests).
    public var port: Int
    /// The TLS contexts for HTTPS, or `nil` for plain HTTP.
    public var tls: TLSServerContextHolder?

    /// Creates a listener configuration.
    public init(address: String, port: Int, tls: TLSServerContextHolder? = nil) {
        self.address = address
        self.port = port
        self.tls = tls
    }
}

/// Request-size limits, timeouts and load shedding for the client listeners.
public struct FrontEndLimits: Sendable {
    /// Largest request header block; larger requests get 431.
    public var maxHeaderBytes: Int
    /// Largest request body; larger requests get 413.
    public var maxBodyBytes: Int
    /// Seconds of inactivity while reading a request or idling between requests before the connection is cut.
    public var idleTimeoutSeconds: Int
    /// Seconds a stalled response write may take before the connection is cut.
    public var writeTimeoutSeconds: Int
    /// Seconds a connection may take to deliver a complete request, counted from its accept or from
    /// the previous response: bounds clients that trickle bytes just inside the inactivity timeout.
    public var requestDeadlineSeconds: Int
    /// Requests a loop works on at once; beyond it requests are shed with 503.
    public var maxInFlightPerLoop: Int
    /// Client connections a loop keeps open. Beyond it the oldest idle connection is closed to make
    /// room, or (none idle) the new one is answered 503; at `connectionHardLimit` the loop stops
    /// accepting until it is below the cap again, so `accept` never runs out of descriptors.
    public var maxConnectionsPerLoop: Int

    /// Connections a loop holds at most: the cap plus a small reserve for 503 answers.
    public var connectionHardLimit: Int {
        let cap = max(1, maxConnectionsPerLoop)
        return cap + max(2, cap / 8)
    }

    /// Creates limits.
    public init(
        maxHeaderBytes: Int = 8192, maxBodyBytes: Int = 2 << 20, idleTimeoutSeconds: Int = 60,
        writeTimeoutSeconds: Int = 30, requestDeadlineSeconds: Int = 90, maxInFlightPerLoop: Int = 1024,
        maxConnectionsPerLoop: Int = 1024
    ) {
        self.maxConnectionsPerLoop = maxConnectionsPerLoop
        self.requestDeadlineSeconds = requestDeadlineSeconds
        self.maxHeaderBytes = maxHeaderBytes
        self.maxBodyBytes = maxBodyBytes
        self.idleTimeoutSeconds = idleTimeoutSeconds
        self.writeTimeoutSeconds = writeTimeoutSeconds
        self.maxInFlightPerLoop = maxInFlightPerLoop
    }
}

/// What the front end reports for metrics; the executable implements it with swift-metrics.
public protocol FrontEndObserver: Sendable {
    /// A client connection was accepted.
    func connectionOpened(tls: Bool)
    /// A client connection closed.
    func connectionClosed(tls: Bool)
    /// A TLS handshake finished or failed.
    func tlsHandshake(success: Bool)
    /// A request was refused with 503 because its loop was at its in-flight or connection cap.
    func shed(_ request: Request)
    /// `accept` failed (EMFILE and the like): the loop pauses accepting briefly. Called at most once
    /// per `LoopFrontEnd.acceptErrorReportSeconds` per loop, with the failures not reported since.
    func acceptFailed(errno: Int32, suppressed: Int)
}

extension FrontEndObserver {
    /// Observers that do not log accept failures ignore them.
    public func acceptFailed(errno: Int32, suppressed: Int) {}
}

/// An observer that records nothing.
public struct NoFrontEndObserver: FrontEndObserver {
    /// Creates the no-op observer.
    public init() {}
    public func connectionOpened(tls: Bool) {}
    public func connectionClosed(tls: Bool) {}
    public func tlsHandshake(success: Bool) {}
    public func shed(_ request: Request) {}
}
