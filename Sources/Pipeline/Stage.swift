/// A cross-cutting concern (request id, access log, metrics, limits) wrapped around the phases.
///
/// Stages are composed once at start-up into a `StageList`; each calls `next` at most once.
public protocol Stage: Sendable {
    /// Handles the request, usually by calling `next` and observing or amending the response.
    func handle(
        _ request: Request, context: inout RequestContext,
        next: (Request, inout RequestContext) async -> Response
    ) async -> Response
}

/// Stages composed in order in front of a terminal responder; itself a responder.
public struct StageList: Responder {
    private let stages: [any Stage]
    private let terminal: any Responder

    /// Composes `stages` (outermost first) in front of `terminal`.
    public init(_ stages: [any Stage], terminal: any Responder) {
        self.stages = stages
        self.terminal = terminal
    }

    public func respond(to request: Request, context: inout RequestContext) async -> Response {
        await run(from: 0, request, &context)
    }

    private func run(from index: Int, _ request: Request, _ context: inout RequestContext) async -> Response {
        if index == stages.count {
            return await terminal.respond(to: request, context: &context)
        }
        return await stages[index].handle(request, context: &context) { request, context in
            await self.run(from: index + 1, request, &context)
        }
    }
}
