/// The request phases, declared in order in this one file.
///
///     route -> authenticate -> decode -> translate -> call CloudStack -> render
///
/// Each phase has its own input and output type, so an API cannot run them out of order: the
/// compiler checks the chain in `PhasedResponder.respond`. `docs/life-of-a-request.md` mirrors
/// this file with one paragraph per phase.
public enum Phase: String, Sendable, CaseIterable {
    /// Picks the action or method from the request line (and, for EC2, the form).
    case route
    /// Verifies the caller (EC2 signature, GCE bearer token) and resolves its CloudStack key pair.
    case authenticate
    /// Turns wire parameters into the action's typed input.
    case decode
    /// Maps the typed input to CloudStack commands.
    case translate
    /// Runs the CloudStack commands through the pooled client.
    case call
    /// Writes the API's response body.
    case render
}

/// One API's implementation of the phases.
public protocol APIPipeline: Sendable {
    /// Output of `route`.
    associatedtype Routed: Sendable
    /// Output of `authenticate`.
    associatedtype Authenticated: Sendable
    /// Output of `decode`.
    associatedtype Decoded: Sendable
    /// Output of `translate`.
    associatedtype Translated: Sendable
    /// Output of `call`.
    associatedtype Called: Sendable

    /// Phase 1: which action or method this is.
    func route(_ request: Request, context: inout RequestContext) throws -> Routed
    /// Phase 2: who is calling.
    func authenticate(_ routed: Routed, context: inout RequestContext) async throws -> Authenticated
    /// Phase 3: the action's typed input.
    func decode(_ authenticated: Authenticated, context: inout RequestContext) throws -> Decoded
    /// Phase 4: the CloudStack commands to run.
    func translate(_ decoded: Decoded, context: inout RequestContext) async throws -> Translated
    /// Phase 5: run them.
    func call(_ translated: Translated, context: inout RequestContext) async throws -> Called
    /// Phase 6: the response.
    func render(_ called: Called, context: inout RequestContext) throws -> Response
    /// The API's single error path: any error thrown by any phase becomes exactly one response here.
    func renderError(_ error: any Error, context: RequestContext) -> Response
    /// All six phases in order; provided below, not implemented by APIs.
    func runPhases(_ request: Request, context: inout RequestContext) async -> Response
}

/// The phases in order, timed, with every error routed to `renderError`.
///
/// A requirement with a default so that each API's own module emits it specialised for its concrete
/// phase types (`@inlinable`): called through the generic `PhasedResponder`, the unspecialised body
/// kept every intermediate value in task-allocated boxes, copied them through value witnesses and
/// cost extra task allocator slabs per request. APIs do not implement it.
extension APIPipeline {
    @inlinable
    public func runPhases(_ request: Request, context: inout RequestContext) async -> Response {
        var clock = PhaseClock()
        do {
            let routed = try route(request, context: &context)
            clock.lap(.route, &context)
            let authenticated = try await authenticate(routed, context: &context)
            clock.lap(.authenticate, &context)
            let decoded = try decode(authenticated, context: &context)
            clock.lap(.decode, &context)
            let translated = try await translate(decoded, context: &context)
            clock.lap(.translate, &context)
            let called = try await call(translated, context: &context)
            clock.lap(.call, &context)
            let response = try render(called, context: &context)
            clock.lap(.render, &context)
            return response
        } catch {
            let response = renderError(error, context: context)
            clock.lap(.render, &context)
            return response
        }
    }
}

/// Runs an `APIPipeline`'s phases in order, timing each, and routes every error to `renderError`.
public struct PhasedResponder<P: APIPipeline>: Responder {
    private let pipeline: P

    /// Wraps an API pipeline.
    public init(_ pipeline: P) {
        self.pipeline = pipeline
    }

    public func respond(to request: Request, context: inout RequestContext) async -> Response {
        await pipeline.runPhases(request, context: &context)
    }
}

/// Measures consecutive phases.
@usableFromInline
struct PhaseClock {
    @usableFromInline
    var last = Clock.system.monotonicNanos()

    @inlinable
    init() {}

    @inlinable
    mutating func lap(_ phase: Phase, _ context: inout RequestContext) {
        let now = Clock.system.monotonicNanos()
        context.phaseNanos.record(phase, now &- last)
        last = now
    }
}
