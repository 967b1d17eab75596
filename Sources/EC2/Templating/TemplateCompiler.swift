/// Compiles templates, given as source strings by name, against view-model types; used at start-up.
///
/// Names are `actions/<ActionName>` and `partials/<BotocoreShapeName>`; `{{>Instance}}` includes
/// `partials/Instance`. Each partial is parsed once, and compiled once per model type it is used
/// with, then shared by every template that includes it. A name a model lacks, a name used the
/// wrong way, an unknown partial or an unbalanced section throws a `TemplateError` with the
/// template's name and line.
public final class TemplateCompiler {
    private let session: CompileSession

    /// Creates a compiler over template sources by name.
    public init(templates: [String: String]) {
        session = CompileSession(sources: templates)
    }

    /// The names of every template source given.
    public var templateNames: [String] { session.sources.keys.sorted() }

    /// Compiles the template called `name` against `Model`.
    public func compile<Model: TemplateModel>(_ name: String, as model: Model.Type = Model.self) throws(TemplateError) -> CompiledTemplate<
        Model
    > {
        do {
            let nodes = try session.parsed(name, line: 0, includedFrom: nil)
            session.templateStack.append(name)
            defer { session.templateStack.removeLast() }
            return CompiledTemplate(name: name, steps: try session.compile(nodes, as: Model.self))
        } catch let error as TemplateError {
            throw error
        } catch {
            throw TemplateError(template: name, line: 0, message: "\(error)")
        }
    }

    /// Compiles `actions/<action>` against `Model` and wraps it in the EC2 response envelope.
    public func compileAction<Model: TemplateModel>(_ action: String, as model: Model.Type = Model.self) throws(TemplateError)
        -> ResponseTemplate<Model>
    {
        guard ResponseEnvelope.isValidAction(action) else {
            throw TemplateError(template: "actions/\(action)", line: 0, message: "'\(action)' is not an EC2 action name")
        }
        return ResponseTemplate(action: action, body: try compile("actions/\(action)", as: Model.self))
    }
}
