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

    /// The method's typed input bound to its `call`, with the partial-response mask (or a non-method answer).
    public struct Decoded: Sendable {
        let routed: Routed
        let method: Method.Decoded?
        let fields: FieldSelection?
        let claims: TokenClaims?
        let project: String
    }

    /// The decoded method with the caller's CloudStack context.
    public struct Translated: Sendable {
        let decoded: Decoded
        let context: MethodCall?
    }

    /// The method's typed output, or a finished non-method response.
    public struct Called: Sendable {
        enum Result: Sendable {
            case output(any SchemaObject)
            case response(Response)
        }

        let result: Result
        let fields: FieldSelection?
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

    /// Phase 3: standard parameters, the project check, and the method's typed input (`GCEMethod.decode`): every
    /// malformed value (body, names, filter, orderBy, pageToken, fields) is refused here, before CloudStack.
    public func decode(_ authenticated: Authenticated, context: inout RequestContext) throws -> Decoded {
        guard case .method(let method, let parameters) = authenticated.routed.target, let claims = authenticated.claims else {
            return Decoded(routed: authenticated.routed, method: nil, fields: nil, claims: nil, project: "")
        }
        let request = authenticated.routed.request
        let query = FormFields(request.rawQuery.utf8)
        let fields = try StandardParameters.check(query)
        let project = parameters["project"] ?? ""
        // The configured project, else the caller's own account (named as GCE names it).
        let expected = configuration.project ?? (claims.account.isEmpty ? nil : ResourceNames.gceName(for: claims.account))
        if let expected, project != expected {
            throw GCEError.notFound("projects/\(project)")
        }
        let decoded = try method.decode(MethodRequest(path: parameters, query: query, body: request.body))
        return Decoded(routed: authenticated.routed, method: decoded, fields: fields, claims: claims, project: project)
    }

    /// Phase 4: binds the decoded method to the caller's CloudStack key pair, the project's links and the catalog.
    /// CloudStack commands are chosen in `call`, where names are resolved against what CloudStack lists.
    public func translate(_ decoded: Decoded, context: inout RequestContext) async throws -> Translated {
        guard let claims = decoded.claims else { return Translated(decoded: decoded, context: nil) }
        let call = MethodCall(
            client: client, credentials: CloudStackCredentials(apiKey: claims.apiKey, secretKey: claims.secretKey),
            project: decoded.project, links: Links(publicBaseURL: configuration.publicBaseURL, project: decoded.project),
            configuration: configuration, clock: clock, zoneCache: zoneCache)
        return Translated(decoded: decoded, context: call)
    }

    /// Phase 5: runs the method against CloudStack (or serves discovery / OAuth).
    public func call(_ translated: Translated, context: inout RequestContext) async throws -> Called {
        switch translated.decoded.routed.target {
        case .discovery:
            return Called(result: .response(Response(status: 200, headers: Self.jsonHeaders, body: discovery.bytes)), fields: nil)
        case .oauth(let endpoint):
            return Called(result: .response(await oauth.respond(endpoint, translated.decoded.routed.request)), fields: nil)
        case .method:
            guard let method = translated.decoded.method, let call = translated.context else { throw GCEError.unauthenticated() }
            return Called(result: .output(try await method.run(call)), fields: translated.decoded.fields)
        }
    }

    /// Phase 6: writes the output as JSON (none is a 204), then applies `fields`.
    public func render(_ called: Called, context: inout RequestContext) throws -> Response {
        switch called.result {
        case .response(let response): return response
        case .output(let output):
            var body = output.json
            if body.isEmpty { return Response(status: 204) }
            if let fields = called.fields { body = fields.apply(to: body) }
            return Response(status: 200, headers: Self.jsonHeaders, body: body)
        }
    }

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
