import Pipeline

/// The terminal responder: routes each request to the EC2 or GCE pipeline, GCE's OAuth2 endpoints or its
/// discovery document, or answers 404.
struct APIDispatch: Responder {
    let router: Router
    let ec2: any Responder
    let gce: any Responder
    let oauth: any Responder
    let discovery: any Responder
    let batch: any Responder

    func respond(to request: Request, context: inout RequestContext) async -> Response {
        let api = router.api(for: request)
        context.api = api
        switch api {
        case .ec2: return await ec2.respond(to: request, context: &context)
        case .gce: return await gce.respond(to: request, context: &context)
        case .oauth: return await oauth.respond(to: request, context: &context)
        case .discovery: return await discovery.respond(to: request, context: &context)
        case .batch: return await batch.respond(to: request, context: &context)
        case .none: return Response.text(404, "Not Found: StackBridge serves the EC2 Query API and the GCE compute v1 API\n")
        }
    }
}
