public import CloudStack
public import Pipeline

/// The GCE compute v1 API as an `APIPipeline`; its OAuth2 endpoints and discovery document are responders of their
/// own (`oauth`, `discovery`), built here so that they share the token key, clock and revocations.
public struct GCEPipeline: APIPipeline {
    let configuration: GCEConfiguration
    let client: CloudStackClient
    let clock: Clock
    let tokens: TokenService
    let router: MethodRouter
    /// `/oauth2/...`, `/o/oauth2/...` and `/token`.
    public let oauth: OAuthResponder
    /// `/discovery/v1/apis/compute/v1/rest`.
    public let discovery: DiscoveryResponder
    let catalog: Catalog
    /// Each method's query parameter and body member names, by method id, from the served discovery document.
    let members: [String: RequestMembers]

    /// Builds the pipeline once at start-up: routes compiled, discovery document rewritten, token key checked;
    /// `catalog` is the one shared with the EC2 API (a catalog of its own on `clock` when nil).
    public init(configuration: GCEConfiguration, client: CloudStackClient, catalog: Catalog? = nil, clock: Clock = .system)
        throws
    {
        self.configuration = configuration
        self.client = client
        self.clock = clock
        self.catalog = catalog ?? Catalog(client: client, clock: clock)
        tokens = TokenService(
            sealer: try TokenSealer(key: configuration.tokenKey), configuration: configuration, client: client,
            clock: clock)
        oauth = OAuthResponder(
            endpoints: OAuthEndpoints(service: tokens, redirects: RedirectPolicy(registered: Set(configuration.redirectURIs))))
        router = MethodRouter(MethodTable.all)
        let document = DiscoveryDocument(publicBaseURL: configuration.publicBaseURL)
        discovery = DiscoveryResponder(document: document)
        members = RequestMembers.table(try BodyValue.parse(document.bytes))
    }

    /// The token issuer sharing this pipeline's key, clock and revocations.
    public var tokenIssuer: TokenIssuer { TokenIssuer(service: tokens) }

    /// The method and its path parameters.
    public struct Routed: Sendable {
        let method: Method
        let parameters: [String: String]
        let request: Request
    }

    /// A routed request with its caller's token.
    public struct Authenticated: Sendable {
        let routed: Routed
        let claims: TokenClaims
    }

    /// The method's typed input bound to its `call`, with the partial-response mask.
    public struct Decoded: Sendable {
        let method: Method.Decoded
        let fields: FieldSelection?
        let claims: TokenClaims
        let project: String
    }

    /// The decoded method with the caller's CloudStack context.
    public struct Translated: Sendable {
        let decoded: Decoded
        let context: MethodCall
    }

    /// The method's typed output.
    public struct Called: Sendable {
        let output: any SchemaObject
        let fields: FieldSelection?
    }

    /// Phase 1: the compute method by the discovery document's path templates (404 otherwise).
    public func route(_ request: Request, context: inout RequestContext) throws -> Routed {
        guard let (method, parameters) = router.route(request.method, path: request.path) else {
            throw GCEError(status: 404, reason: "notFound", message: "No such method: \(request.method.rawValue) \(request.path)")
        }
        context.action = method.id
        return Routed(method: method, parameters: parameters, request: request)
    }

    /// Phase 2: a live bearer token (header, `access_token` or `oauth_token`) and the caller's CloudStack key pair.
    public func authenticate(_ routed: Routed, context: inout RequestContext) async throws -> Authenticated {
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
    /// malformed value (body, names, filter, orderBy, pageToken, fields) and every query parameter or body member
    /// the method does not take (`RequestMembers`) is refused here, before CloudStack.
    public func decode(_ authenticated: Authenticated, context: inout RequestContext) throws -> Decoded {
        let parameters = authenticated.routed.parameters
        let claims = authenticated.claims
        let request = authenticated.routed.request
        let query = FormFields(request.rawQuery.utf8)
        let fields = try StandardParameters.check(query)
        let project = parameters["project"] ?? ""
        // The configured project, else the caller's own account (named as GCE names it).
        let expected = configuration.project ?? (claims.account.isEmpty ? nil : ResourceNames.gceName(for: claims.account))
        let method = authenticated.routed.method
        if ImageProjects.serves(project, configuration.imageProjects) {
            // A public image project: its images are read-only; nothing else lives there.
            if !ImageProjects.readOnlyMethods.contains(method.id) {
                guard method.id.hasPrefix("compute.images.") else { throw GCEError.notFound("projects/\(project)") }
                let verb = method.id.dropFirst("compute.images.".count)
                throw GCEError.forbidden("Required 'compute.images.\(verb)' permission for 'projects/\(project)/global/images'")
            }
        } else if let expected, project != expected {
            throw GCEError.notFound("projects/\(project)")
        }
        let members = self.members[method.id]
        try members?.check(query: query)
        let decoded = try method.decode(MethodRequest(path: parameters, query: query, body: request.body, members: members))
        return Decoded(method: decoded, fields: fields, claims: claims, project: project)
    }

    /// Phase 4: binds the decoded method to the caller's CloudStack key pair, the project's links and the catalog.
    /// CloudStack commands are chosen in `call`, where names are resolved against what CloudStack lists.
    public func translate(_ decoded: Decoded, context: inout RequestContext) async throws -> Translated {
        let claims = decoded.claims
        let call = MethodCall(
            client: client, credentials: CloudStackCredentials(apiKey: claims.apiKey, secretKey: claims.secretKey),
            project: decoded.project, links: Links(publicBaseURL: configuration.publicBaseURL, project: decoded.project),
            configuration: configuration, clock: clock, catalog: catalog)
        return Translated(decoded: decoded, context: call)
    }

    /// Phase 5: runs the method against CloudStack.
    public func call(_ translated: Translated, context: inout RequestContext) async throws -> Called {
        Called(output: try await translated.decoded.method.run(translated.context), fields: translated.decoded.fields)
    }

    /// Phase 6: writes the output as JSON (none is a 204), then applies `fields`.
    public func render(_ called: Called, context: inout RequestContext) throws -> Response {
        var body = called.output.json
        if body.isEmpty { return Response(status: 204) }
        if let fields = called.fields { body = fields.apply(to: body) }
        return Response(status: 200, headers: Self.jsonHeaders, body: body)
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
