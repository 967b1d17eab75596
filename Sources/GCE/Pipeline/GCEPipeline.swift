public import CloudStack
public import Pipeline

/// The GCE compute v1 API, its discovery document and its OAuth2 endpoints as one `APIPipeline`.
public struct GCEPipeline: APIPipeline {
    let configuration: GCEConfiguration
    let client: CloudStackClient
    let clock: Clock
    let tokens: TokenService
    let oauth: OAuthEndpoints
    let router: MethodRouter
    let discovery: DiscoveryDocument
    let zoneCache = ZoneCache()

    /// Builds the pipeline once at start-up: routes compiled, discovery document rewritten, token key checked.
    public init(configuration: GCEConfiguration, client: CloudStackClient, clock: Clock = .system)
        throws
    {
        self.configuration = configuration
        self.client = client
        self.clock = clock
        tokens = TokenService(
            sealer: try TokenSealer(key: configuration.tokenKey), configuration: configuration, client: client,
            clock: clock)
        oauth = OAuthEndpoints(service: tokens, redirects: RedirectPolicy(registered: Set(configuration.redirectURIs)))
        router = MethodRouter(MethodTable.all)
        discovery = DiscoveryDocument(publicBaseURL: configuration.publicBaseURL)
    }

    /// The token issuer sharing this pipeline's key, clock and revocations.
    public var tokenIssuer: TokenIssuer { TokenIssuer(service: tokens) }

    /// What routing found.
    public struct Routed: Sendable {
        enum Target: Sendable {
            case discovery
            case oauth(OAuthEndpoints.Endpoint)
            case method(Method, [String: String])
        }

        let target: Target
        let request: Request
    }

    /// A routed request with its caller's token, when a method needs one.
    public struct Authenticated: Sendable {
        let routed: Routed
        let claims: TokenClaims?
    }

    /// The method call ready to run, or a non-method answer.
    public struct Prepared: Sendable {
        let routed: Routed
        let call: MethodCall?
    }

    /// The response.
    public struct Called: Sendable {
        let response: Response
    }

    /// Phase 1: discovery, an OAuth endpoint, or a compute method by path template (404 otherwise).
    public func route(_ request: Request, context: inout RequestContext) throws -> Routed {
        let path = request.path
        if path == "/discovery/v1/apis/compute/v1/rest" {
            guard request.method == .get || request.method == .head else {
                throw GCEError(status: 405, reason: "badRequest", message: "use GET")
            }
            context.action = "discovery.apis.getRest"
            return Routed(target: .discovery, request: request)
        }
        if let endpoint = OAuthEndpoints.endpoint(for: path) {
            context.action = "oauth2.\(endpoint)"
            // The client id is the API key: not a secret, and what the access log should show.
            if let client = FormFields(request.body)["client_id"] ?? FormFields(request.rawQuery.utf8)["client_id"] {
                context.principal = client
            }
            return Routed(target: .oauth(endpoint), request: request)
        }
        guard let (method, parameters) = router.route(request.method, path: path) else {
            throw GCEError(status: 404, reason: "notFound", message: "No such method: \(request.method.rawValue) \(path)")
        }
        context.action = method.id
        return Routed(target: .method(method, parameters), request: request)
    }

    /// Phase 2: compute methods need a live bearer token (header, `access_token` or `oauth_token`).
    public func authenticate(_ routed: Routed, context: inout RequestContext) async throws -> Authenticated {
        guard case .method = routed.target else { return Authenticated(routed: routed, claims: nil) }
        let request = routed.request
        var token: String?
        if let header = request.headers["authorization"], header.lowercased().hasPrefix("bearer ") {
            token = String(header.dropFirst(7)).trimmingSpaces
        } else {
            let query = FormFields(request.rawQuery.utf8)
            token = query["access_token"] ?? query["oauth_token"]
        }
        guard let token, !token.isEmpty else {
            throw GCEError.unauthenticated("Request is missing required authentication credential. Expected OAuth 2 access token.")
        }
        let claims = try tokens.authenticate(bearer: token)
        context.principal = claims.apiKey
        return Authenticated(routed: routed, claims: claims)
    }

    /// Phase 3: standard parameters, the project check, and the method call with the caller's key pair.
    public func decode(_ authenticated: Authenticated, context: inout RequestContext) throws -> Prepared {
        guard case .method(_, let parameters) = authenticated.routed.target, let claims = authenticated.claims else {
            return Prepared(routed: authenticated.routed, call: nil)
        }
        let request = authenticated.routed.request
        let query = FormFields(request.rawQuery.utf8)
        try StandardParameters.check(query)
        let project = parameters["project"] ?? ""
        // The configured project, else the caller's own account (named as GCE names it).
        let expected = configuration.project ?? (claims.account.isEmpty ? nil : ResourceNames.gceName(for: claims.account))
        if let expected, project != expected {
            throw GCEError.notFound("projects/\(project)")
        }
        let call = MethodCall(
            client: client, credentials: CloudStackCredentials(apiKey: claims.apiKey, secretKey: claims.secretKey),
            path: parameters, query: query, body: request.body,
            links: Links(publicBaseURL: configuration.publicBaseURL, project: project), configuration: configuration, clock: clock,
            zoneCache: zoneCache)
        return Prepared(routed: authenticated.routed, call: call)
    }

    /// Phase 4: nothing to do separately; each method translates while it runs.
    public func translate(_ decoded: Prepared, context: inout RequestContext) async throws -> Prepared { decoded }

    /// Phase 5: runs the method (or serves discovery / OAuth).
    public func call(_ prepared: Prepared, context: inout RequestContext) async throws -> Called {
        switch prepared.routed.target {
        case .discovery:
            return Called(response: Response(status: 200, headers: Self.jsonHeaders, body: discovery.bytes))
        case .oauth(let endpoint):
            return Called(response: await oauth.respond(endpoint, prepared.routed.request))
        case .method(let method, _):
            guard let call = prepared.call else { throw GCEError.unauthenticated() }
            var body = try await method.run(call)
            if body.isEmpty { return Called(response: Response(status: 204)) }
            if let fields = call.query["fields"], !fields.isEmpty { body = try FieldSelection(fields).apply(to: body) }
            return Called(response: Response(status: 200, headers: Self.jsonHeaders, body: body))
        }
    }

    /// Phase 6: the response built by `call`.
    public func render(_ called: Called, context: inout RequestContext) throws -> Response { called.response }

    /// The single error path: every failure becomes one Google JSON error.
    public func renderError(_ error: any Error, context: RequestContext) -> Response {
        let failure: GCEError
        switch error {
        case let error as GCEError: failure = error
        case let error as CloudStackError: failure = GCEError(error)
        case let error as OAuthError: failure = GCEError(status: error.status, reason: error.code, message: error.detail)
        default: failure = GCEError(status: 500, reason: "internalError", message: "Internal error (request \(context.requestID))")
        }
        var headers = Self.jsonHeaders
        if failure.status == 401 {
            headers.add("WWW-Authenticate", "Bearer realm=\"https://accounts.google.com/\", error=\"invalid_token\"")
        }
        return Response(status: failure.status, headers: headers, body: failure.body)
    }

    static let jsonHeaders = Headers([("Content-Type", "application/json; charset=UTF-8")])
}

extension String {
    /// Without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}
