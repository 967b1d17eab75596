public import Pipeline

/// Answers the admin listener: `/healthz`, `/readyz` and `/metrics`; anything else is 404.
public struct AdminResponder: Responder {
    /// What the readiness probe found.
    public enum Readiness: Sendable, Equatable {
        /// CloudStack answers: the gateway can serve.
        case ready
        /// The gateway cannot serve; the reason is returned to the prober (no secrets in it).
        case notReady(reason: String)
    }

    /// The Content-Type of Prometheus's text exposition format.
    public static let metricsContentType = "text/plain; version=0.0.4"

    private let metrics: MetricsRegistry
    private let readiness: @Sendable () async -> Readiness

    /// Creates the responder; `readiness` should bound its own time (the client's connect timeout).
    public init(metrics: MetricsRegistry, readiness: @escaping @Sendable () async -> Readiness) {
        self.metrics = metrics
        self.readiness = readiness
    }

    /// Routes by path; GET and HEAD only.
    public func respond(to request: Request, context: inout RequestContext) async -> Response {
        let path = request.path
        guard path == "/healthz" || path == "/readyz" || path == "/metrics" else {
            return .text(404, "not found\n")
        }
        guard request.method == .get || request.method == .head else {
            var response = Response.text(405, "method not allowed\n")
            response.headers.add("Allow", "GET, HEAD")
            return response
        }
        switch path {
        case "/healthz":
            return .text(200, "ok\n")
        case "/readyz":
            switch await readiness() {
            case .ready: return .text(200, "ready\n")
            case .notReady(let reason): return .text(503, "not ready: \(reason)\n")
            }
        default:
            return Response(
                status: 200, headers: Headers([("Content-Type", AdminResponder.metricsContentType)]),
                body: metrics.exposition())
        }
    }
}
