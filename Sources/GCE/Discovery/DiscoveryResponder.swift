public import Pipeline

/// The compute v1 discovery document at `/discovery/v1/apis/compute/v1/rest`, as its own responder beside the two
/// APIs: a static document built once at start-up, needing no token and no CloudStack.
public struct DiscoveryResponder: Responder {
    let document: DiscoveryDocument

    /// The one path served.
    static let path = "/discovery/v1/apis/compute/v1/rest"

    public func respond(to request: Request, context: inout RequestContext) async -> Response {
        guard request.path == Self.path else {
            return Self.error(
                GCEError(status: 404, reason: "notFound", message: "No such method: \(request.method.rawValue) \(request.path)"))
        }
        guard request.method == .get || request.method == .head else {
            return Self.error(GCEError(status: 405, reason: "badRequest", message: "use GET"))
        }
        context.action = "discovery.apis.getRest"
        return Response(status: 200, headers: GCEPipeline.jsonHeaders, body: document.bytes)
    }

    private static func error(_ error: GCEError) -> Response {
        Response(status: error.status, headers: GCEPipeline.jsonHeaders, body: error.body)
    }
}
