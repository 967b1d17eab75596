public import Logging
public import Pipeline

/// Writes exactly one access-log line per request, after the response is known.
///
/// Logged: request id, peer, method, path (never the query: SigV2 signatures, OAuth codes and
/// tokens travel there), API, action, principal (access key id only), status, body bytes, total
/// and per-phase microseconds. Never headers, bodies or secrets.
public struct AccessLogStage: Stage {
    /// The metadata keys of an access-log line, in the order `LineLogHandler` renders them.
    public static let fieldOrder =
        [
            "request_id", "remote", "method", "path", "api", "action", "principal", "status", "bytes", "duration_us",
        ] + Phase.allCases.map(phaseKey)

    /// Longest path logged; longer ones are cut so one request cannot write a huge line.
    static let maxPathLength = 512

    private let logger: Logger
    private let clock: Clock

    /// Creates the stage writing to `logger` (normally a `LineLogHandler` on standard output), timing
    /// requests on `clock` (the front end's clock).
    public init(logger: Logger, clock: Clock = .system) {
        self.logger = logger
        self.clock = clock
    }

    /// Runs the rest of the chain, then logs the line.
    public func handle(
        _ request: Request, context: inout RequestContext,
        next: (Request, inout RequestContext) async -> Response
    ) async -> Response {
        let response = await next(request, &context)
        record(request, context: context, response: response)
        return response
    }

    /// Writes the line for an answered request (the front end's refusals call it directly).
    public func record(_ request: Request, context: RequestContext, response: Response) {
        let elapsed = clock.monotonicNanos() &- context.startNanos
        var path = request.path
        if path.utf8.count > AccessLogStage.maxPathLength {
            path = path.prefix(AccessLogStage.maxPathLength)
        }
        var metadata = Logger.Metadata(minimumCapacity: 10 + context.phaseNanos.count)
        metadata["request_id"] = .string(context.requestID)
        metadata["remote"] = .string(request.remoteAddress)
        metadata["method"] = .string(request.method.rawValue)
        metadata["path"] = .string(String(path))
        metadata["api"] = .string(context.api.rawValue)
        metadata["action"] = .string(context.action)
        metadata["principal"] = .string(context.principal)
        metadata["status"] = .stringConvertible(response.status)
        metadata["bytes"] = .stringConvertible(response.body.count)
        metadata["duration_us"] = .stringConvertible(Int(clamping: elapsed / 1000))
        for (phase, nanos) in context.phaseNanos {
            metadata[AccessLogStage.phaseKey(phase)] = .stringConvertible(Int(clamping: nanos / 1000))
        }
        logger.info("access", metadata: metadata)
    }

    /// The metadata key of a phase's microseconds, spelled out so no key is built per request.
    static func phaseKey(_ phase: Phase) -> String {
        switch phase {
        case .route: "route_us"
        case .authenticate: "authenticate_us"
        case .decode: "decode_us"
        case .translate: "translate_us"
        case .call: "call_us"
        case .render: "render_us"
        }
    }
}
