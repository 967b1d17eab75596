import CloudStack
import EventLoops
import Glibc
import Logging
import Pipeline

/// Feeds the front end's, the backend pool's and the CloudStack client's measurements into the registry.
struct MetricsObservers: FrontEndObserver, BackendPoolObserver, ClientObserver {
    let metrics: MetricsRegistry
    let router: Router

    func connectionOpened(tls: Bool) { metrics.connectionOpened(tls: tls) }
    func connectionClosed(tls: Bool) { metrics.connectionClosed(tls: tls) }
    func tlsHandshake(success: Bool) { metrics.tlsHandshake(success: success) }
    func shed(_ request: Request) { metrics.shed(api: router.api(for: request)) }
    /// Already rate-limited by the front end (one line per loop per 10 s), unlike libevent's own line.
    func acceptFailed(errno: Int32, suppressed: Int) {
        Logger(label: "stackbridge.frontend").error(
            "accept failed; pausing new connections briefly",
            metadata: ["error": "\(String(cString: strerror(errno)))", "suppressed": "\(suppressed)"])
    }

    func pool(loop: Int, inUse: Int, idle: Int, waiting: Int) {
        metrics.backendPool(loop: loop, inUse: inUse, idle: idle, waiting: waiting)
    }
    func backendConnectionOpened() {}

    func requestFinished(command: String, outcome: RequestOutcome, latencyNanos: UInt64) {
        metrics.backendRequest(command: command, outcome: outcome.label, nanos: latencyNanos)
    }
    func requestRetried(command: String, attempt: Int) { metrics.backendRetry(command: command) }
}

extension RequestOutcome {
    /// The `outcome` label value.
    var label: String {
        switch self {
        case .success: "success"
        case .apiError(let code): "error_\(code)"
        case .throttled: "throttled"
        case .unavailable: "unavailable"
        case .upstreamError: "upstream_error"
        case .cancelled: "cancelled"
        }
    }
}
