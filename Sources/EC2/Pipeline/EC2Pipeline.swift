public import CloudStack
public import Pipeline

/// The EC2 Query API's phases: route by `Action`, verify the signature, decode the action's input,
/// prepare its context, run it against CloudStack, render its template; one error path.
public struct EC2Pipeline: APIPipeline {
    /// The request with its parameters and action: `route`'s output.
    public struct Routed: Sendable {
        let request: Request
        let parameters: QueryParameters
        let actionName: String
        let action: BoundAction?
        /// EC2, or STS (`GetCallerIdentity` on the same endpoint).
        var service: QueryService = .ec2
    }

    /// A routed request and who signed it: `authenticate`'s output.
    public struct Authenticated: Sendable {
        let routed: Routed
        let principal: AuthenticatedPrincipal?
    }

    /// The decoded action and its caller: `decode`'s output.
    public struct Decoded: Sendable {
        let prepared: PreparedAction
        let principal: AuthenticatedPrincipal?
        let dryRun: Bool
    }

    /// The action bound to its context: `translate`'s output.
    public struct Translated: Sendable {
        let prepared: PreparedAction
        let context: ActionContext
    }

    /// The configuration.
    public let configuration: EC2Configuration
    /// The action table with compiled templates.
    public let actions: [String: BoundAction]
    let client: CloudStackClient
    let verifier: RequestVerifier
    /// The verifier of STS requests (credential scope service `sts`).
    let stsVerifier: RequestVerifier
    let clock: Clock
    let pageTokens: PageTokenCodec
    let memory: GatewayMemory
    let catalog: Catalog
    let registry: RegistryCredentialSource?

    /// Creates the pipeline and compiles every action's template (a template error fails here); `catalog` is the
    /// one shared with the GCE API (a catalog of its own on `clock` when nil).
    public init(
        configuration: EC2Configuration, client: CloudStackClient, credentials: any CredentialSource,
        registry: RegistryCredentialSource? = nil, catalog: Catalog? = nil, clock: Clock = .system
    ) throws {
        guard configuration.pageTokenSecret.count >= 16 else {
            throw EC2Error.invalidParameterValue("the EC2 page token secret must be at least 16 bytes")
        }
        self.configuration = configuration
        self.client = client
        self.clock = clock
        self.registry = registry
        verifier = RequestVerifier(
            region: configuration.region, credentials: credentials, clock: clock, maxSkew: configuration.maxClockSkewSeconds)
        stsVerifier = RequestVerifier(
            region: configuration.region, credentials: credentials, clock: clock, maxSkew: configuration.maxClockSkewSeconds,
            service: "sts")
        pageTokens = PageTokenCodec(secret: configuration.pageTokenSecret)
        memory = GatewayMemory(clock: clock, clientTokenTTL: configuration.clientTokenTTLSeconds)
        self.catalog = catalog ?? Catalog(client: client, clock: clock)
        let compiler = TemplateCompiler.embedded()
        var table: [String: BoundAction] = [:]
        for entry in try ActionTable.bind(compiler: compiler) { table[entry.name] = entry }
        actions = table
    }

    /// Phase 1: parses the query and form, finds `Action` (unknown names are refused after authentication).
    public func route(_ request: Request, context: inout RequestContext) throws -> Routed {
        context.api = .ec2
        let parameters = try QueryParameters(request: request)
        guard let name = parameters["Action"], !name.isEmpty else { throw EC2Error.missingParameter("Action") }
        // Only well-formed names reach logs and metrics labels; anything else is counted as one label.
        context.action = ResponseEnvelope.isValidAction(name) && name.utf8.count <= 64 ? name : "invalid"
        if QueryService(version: parameters["Version"]) == .sts {
            return Routed(request: request, parameters: parameters, actionName: name, action: nil, service: .sts)
        }
        return Routed(request: request, parameters: parameters, actionName: name, action: actions[name])
    }

    /// Phase 2: verifies the signature (SigV4 header or query, SigV2), except for ec2stack's unsigned key registration.
    public func authenticate(_ routed: Routed, context: inout RequestContext) async throws -> Authenticated {
        if let action = routed.action, !action.requiresSignature {
            return Authenticated(routed: routed, principal: nil)
        }
        let principal =
            routed.service == .sts
            ? try await STSError.wrapping { try await stsVerifier.verify(routed.request, parameters: routed.parameters) }
            : try await verifier.verify(routed.request, parameters: routed.parameters)
        context.principal = principal.accessKeyID
        return Authenticated(routed: routed, principal: principal)
    }

    /// Phase 3: the action's typed input (every member read, or `UnknownParameter`) and `DryRun`; an EC2 action
    /// not in the table is `UnsupportedOperation`, any other name `InvalidAction`.
    public func decode(_ authenticated: Authenticated, context: inout RequestContext) throws -> Decoded {
        if authenticated.routed.service == .sts {
            let routed = authenticated.routed
            let prepared = try STSError.wrapping { try GetCallerIdentity.prepare(action: routed.actionName, parameters: routed.parameters) }
            return Decoded(prepared: prepared, principal: authenticated.principal, dryRun: false)
        }
        guard let action = authenticated.routed.action else {
            let name = authenticated.routed.actionName
            if EC2OperationNames.all.contains(name) {
                if let refusal = RefusedActions.message(for: name) { throw EC2Error.unsupportedOperation(refusal) }
                throw EC2Error.unsupportedOperation("The action \(name) is not supported by this EC2 gateway for CloudStack.")
            }
            throw EC2Error.invalidAction(XMLSafeName.clip(name))
        }
        let prepared = try action.prepare(authenticated.routed.parameters)
        // After the input: EC2 answers a missing or unknown member before looking at DryRun.
        let common = try CommonParameters(authenticated.routed.parameters)
        return Decoded(prepared: prepared, principal: authenticated.principal, dryRun: common.dryRun)
    }

    /// Phase 4: answers DryRun, and binds the action to the caller's CloudStack keys.
    public func translate(_ decoded: Decoded, context: inout RequestContext) async throws -> Translated {
        // The input decoded and the signature verified: that is what DryRun checks (no IAM here).
        if decoded.dryRun { throw EC2Error.dryRunOperation() }
        let pair = decoded.principal?.keyPair
        let actionContext = ActionContext(
            client: client,
            credentials: CloudStackCredentials(apiKey: pair?.apiKey ?? "", secretKey: pair?.secretKey ?? ""),
            configuration: configuration, clock: clock, requestID: context.requestID, pageTokens: pageTokens,
            memory: memory, catalog: catalog, registry: registry)
        return Translated(prepared: decoded.prepared, context: actionContext)
    }

    /// Phase 5: runs the action against CloudStack.
    public func call(_ translated: Translated, context: inout RequestContext) async throws -> ActionOutcome {
        try await translated.prepared.run(translated.context)
    }

    /// Phase 6: the response document from the action's compiled template.
    public func render(_ called: ActionOutcome, context: inout RequestContext) throws -> Response {
        Response(
            status: 200, headers: Headers([("Content-Type", EC2Pipeline.contentType)]), body: called.render(context.requestID))
    }

    /// The one error path: any failure becomes one EC2 XML error with the request id.
    public func renderError(_ error: any Error, context: RequestContext) -> Response {
        if let error = error as? STSError { return error.response(requestID: context.requestID) }
        return ErrorDocument.response(EC2Pipeline.ec2Error(error), requestID: context.requestID)
    }

    /// The content type of EC2 success responses.
    public static let contentType = "text/xml;charset=UTF-8"

    /// The one EC2 error for anything a phase threw.
    static func ec2Error(_ error: any Error) -> EC2Error {
        switch error {
        case let error as EC2Error: error
        case let error as CloudStackError: CloudStackErrorMapping.ec2Error(error, context: .none)
        case is DecodingError: .invalidParameterValue("A parameter could not be read.")
        default: .internalError()
        }
    }
}
