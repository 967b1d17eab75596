public import Logging
public import Pipeline

/// Writes exactly one access-log line per request, after the response is known.
///
/// Logged: request id, peer, method, path (never the query: SigV2 signatures, OAuth codes and
/// tokens travel there), API, action, principal (access key id only), status, body bytes, total
/// and per-phase microseconds. Never headers, bodies or secrets.
public struct AccessLogStage: Stage {
    /// The metadata keys of an access-log line, in the order `LineLogHandler` renders them.
    public static let fieldOrder = [
        "request_id", "remote", "method", "path", "api", "action", "principal", "status", "bytes", "duration_us",
    ] + Phase.allCases.map { "\($0.rawValue)_us" }

    /// Longest path logged; longer ones are cut so one request cannot write a huge line.
    static let maxPathLength = 512

    private let logger: Logger

    /// Creates the stage writing to `logger` (normally a `LineLogHandler` on standard output).
    public init(logger: Logger) {
        self.logger = logger
    }

    public func handle(
        _ request: Request, context: inout RequestContext,
        next: (Request, inout RequestContext) async -> Response
    ) async -> Response {
        let response = await next(request, &context)
        let elapsed = monotonicNanos() &- context.startNanos
        var path = request.path
        if path.utf8.count > AccessLogStage.maxPathLength {
            path = path.prefix(AccessLogStage.maxPathLength)
        }
        var metadata: Logger.Metadata = [
            "request_id": .string(context.requestID),
            "remote": .string(request.remoteAddress),
            "method": .string(request.method.rawValue),
            "path": .string(String(path)),
            "api": .string(context.api.rawValue),
            "action": .string(context.action),
            "principal": .string(context.principal),
            "status": .stringConvertible(response.status),
            "bytes": .stringConvertible(response.body.count),
            "duration_us": .stringConvertible(elapsed / 1000),
        ]
        for (phase, nanos) in context.phaseNanos {
            metadata["\(phase.rawValue)_us"] = .stringConvertible(nanos / 1000)
        }
        logger.info("access", metadata: metadata)
        return response
    }
}
