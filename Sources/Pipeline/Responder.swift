/// Something that answers a request: the whole pipeline, one API, or an operations endpoint.
public protocol Responder: Sendable {
    /// Answers one request. Never throws: every failure becomes a response in the API's own format.
    func respond(to request: Request, context: inout RequestContext) async -> Response
}

/// A responder made from a closure, for tests and small endpoints.
public struct ClosureResponder: Responder {
    private let body: @Sendable (Request, inout RequestContext) async -> Response

    /// Wraps a closure.
    public init(_ body: @escaping @Sendable (Request, inout RequestContext) async -> Response) {
        self.body = body
    }

    public func respond(to request: Request, context: inout RequestContext) async -> Response {
        await body(request, &context)
    }
}
