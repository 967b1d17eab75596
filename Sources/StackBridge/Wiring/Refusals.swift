import Pipeline

/// The front end's own refusals (400, 413, 431, 503) as answers like every other: in the request's
/// API format, with an `x-request-id`, an access-log line and the request metrics.
///
/// Synchronous, unlike the stage list: the front end answers some refusals from inside evhttp's
/// callbacks, where it cannot wait.
struct Refusals: Sendable {
    let apis: APIs
    let router: Router
    let accessLog: AccessLogStage?
    let metrics: MetricsStage

    /// The refusal of `request` with `status`.
    func respond(to request: Request, status: Int) -> Response {
        var context = RequestContext(requestID: RequestIDStage.makeID(), startNanos: Clock.system.monotonicNanos())
        context.api = APIs.api(refusing: request, router: router)
        var response = apis.reject(request, status: status, router: router, requestID: context.requestID)
        response.headers.set(RequestIDStage.headerName, context.requestID)
        accessLog?.record(request, context: context, response: response)
        metrics.record(context: context, response: response)
        return response
    }
}
