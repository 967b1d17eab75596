public import Pipeline

extension GCEPipeline {
    /// A front-end refusal (431 headers too large, 503 overloaded, ...) as a GCE JSON error.
    public func reject(_ request: Request, status: Int, requestID: String) -> Response {
        let error: GCEError
        switch status {
        case 503:
            error = GCEError(
                status: 503, reason: "backendError", message: "The service is overloaded; retry with backoff (request \(requestID))")
        case 429:
            error = GCEError(
                status: 429, reason: "rateLimitExceeded", message: "Too many requests (request \(requestID))", domain: "usageLimits")
        case 413: error = GCEError(status: 413, reason: "uploadTooLarge", message: "The request body is too large")
        case 431: error = GCEError(status: 431, reason: "badRequest", message: "Request header fields too large")
        default: error = GCEError(status: status, reason: "badRequest", message: "The request was refused (request \(requestID))")
        }
        return Response(status: status, headers: Self.jsonHeaders, body: error.body)
    }
}
