public import Pipeline

/// Counts every request by API, action and status, and records its latency and phase timings.
public struct MetricsStage: Stage {
    private let metrics: MetricsRegistry
    private let clock: Clock

    /// Creates the stage recording into `metrics`, timing requests on `clock` (the front end's clock).
    public init(metrics: MetricsRegistry, clock: Clock = .system) {
        self.metrics = metrics
        self.clock = clock
    }

    /// Runs the rest of the chain, then records the request.
    public func handle(
        _ request: Request, context: inout RequestContext,
        next: (Request, inout RequestContext) async -> Response
    ) async -> Response {
        let response = await next(request, &context)
        record(context: context, response: response)
        return response
    }

    /// Records an answered request (the front end's refusals call it directly).
    public func record(context: RequestContext, response: Response) {
        metrics.request(
            api: context.api, action: context.action, status: response.status,
            nanos: clock.monotonicNanos() &- context.startNanos, phases: context.phaseNanos)
    }
}
