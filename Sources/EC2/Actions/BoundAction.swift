/// An action with its template compiled, its types erased, ready to be dispatched by name.
public struct BoundAction: Sendable {
    /// The EC2 action name.
    public let name: String
    /// Whether the request must be signed.
    public let requiresSignature: Bool
    /// Decodes the input from the query parameters and returns the work still to do.
    let prepare: @Sendable (QueryParameters) throws -> PreparedAction

    /// Compiles `action`'s template with `compiler`; a template error fails here, at start-up.
    public static func bind<A: EC2Action>(_ action: A.Type, compiler: TemplateCompiler) throws(TemplateError) -> BoundAction {
        let template = try compiler.compileAction(A.name, as: A.Output.self)
        return BoundAction(name: A.name, requiresSignature: A.requiresSignature) { parameters in
            let input = try QueryDecoder().decode(A.Input.self, from: parameters)
            try A.validate(input)
            return PreparedAction { context in
                let output = try await A.perform(input, in: context)
                return ActionOutcome { requestID in template.render(output, requestID: requestID) }
            }
        }
    }
}
