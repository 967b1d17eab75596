public import Pipeline

/// Google's OAuth2 endpoints (`/oauth2/...`, `/o/oauth2/...`, `/token`) as their own responder beside the two APIs:
/// they issue and revoke the tokens the compute pipeline's `authenticate` phase opens, and run no method phases.
public struct OAuthResponder: Responder {
    let endpoints: OAuthEndpoints

    public func respond(to request: Request, context: inout RequestContext) async -> Response {
        guard let endpoint = OAuthEndpoints.endpoint(for: request.path) else {
            let error = GCEError(status: 404, reason: "notFound", message: "No such method: \(request.method.rawValue) \(request.path)")
            return Response(status: 404, headers: GCEPipeline.jsonHeaders, body: error.body)
        }
        context.action = "oauth2.\(endpoint)"
        // The client id is the API key: not a secret, and what the access log should show.
        if let client = FormFields(request.body)["client_id"] ?? FormFields(request.rawQuery.utf8)["client_id"] {
            context.principal = client
        }
        return await endpoints.respond(endpoint, request)
    }
}
