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
    public func compile<Model: TemplateModel>(_ name: String, as model: Model.Type = Model.self) throws(TemplateError) -> CompiledTemplate<Model> {
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
    public func compileAction<Model: TemplateModel>(_ action: String, as model: Model.Type = Model.self) throws(TemplateError) -> ResponseTemplate<Model> {
        guard ResponseEnvelope.isValidAction(action) else {
            throw TemplateError(template: "actions/\(action)", line: 0, message: "'\(action)' is not an EC2 action name")
        }
        return ResponseTemplate(action: action, body: try compile("actions/\(action)", as: Model.self))
    }
}

/// The mutable state of compilation: parsed sources, shared partials, where we are (for errors).
final class CompileSession {
    let sources: [String: String]
    private var parsedByName: [String: [TemplateNode]] = [:]
    /// Compiled partial steps by partial name and model type, stored erased and cast back on use.
    private var partials: [PartialKey: Any] = [:]
    private var partialsInProgress: Set<PartialKey> = []
    /// The template whose nodes are being compiled, innermost last.
    var templateStack: [String] = []

    private struct PartialKey: Hashable {
        var name: String
        var model: ObjectIdentifier
    }

    init(sources: [String: String]) {
        self.sources = sources
    }

    func parsed(_ name: String, line: Int, includedFrom: String?) throws(TemplateError) -> [TemplateNode] {
        if let nodes = parsedByName[name] { return nodes }
        guard let source = sources[name] else {
            throw TemplateError(template: includedFrom ?? name, line: line, message: "no template named '\(name)'")
        }
        let nodes = try TemplateParser.parse(source, name: name)
        parsedByName[name] = nodes
        return nodes
    }

    /// Binds `nodes` to `Model`'s fields.
    func compile<Model: TemplateModel>(_ nodes: [TemplateNode], as model: Model.Type) throws -> [TemplateStep<Model>] {
        let fields = Model.templateFields
        var steps: [TemplateStep<Model>] = []
        for node in nodes {
            switch node {
            case .text(let bytes):
                steps.appendStep(.literal(bytes))
            case .value(let path, let escaped, let line):
                let tag = "{{\(escaped ? "" : "&")\(path.joined(separator: "."))}}"
                let name = path.joined(separator: ".")
                let append = try located(tag, line, subject: "\(name)' of '\(Model.self)") { () throws in
                    try fields.field(at: path).value(escaped)
                }
                steps.appendStep(.run(append))
            case .section(let name, let inverted, let body, let line):
                let tag = "{{\(inverted ? "^" : "#")\(name)}}"
                let field = try located(tag, line, subject: name) { () throws in try fields.field(named: name) }
                do {
                    steps.appendStep(try field.section(self, body, inverted))
                } catch let problem as FieldProblem {
                    throw locatedError(tag, line, problem.message(subject: "\(name)' of '\(Model.self)"))
                }
            case .partial(let name, let line):
                for step in try partial(name, as: Model.self, line: line) { steps.appendStep(step) }
            }
        }
        return steps
    }

    private func partial<Model: TemplateModel>(_ name: String, as model: Model.Type, line: Int) throws -> [TemplateStep<Model>] {
        let key = PartialKey(name: name, model: ObjectIdentifier(Model.self))
        if let cached = partials[key] as? [TemplateStep<Model>] { return cached }
        let fullName = "partials/\(name)"
        guard !partialsInProgress.contains(key) else {
            throw locatedError("{{>\(name)}}", line, "partial '\(name)' includes itself for \(Model.self); recursive partials are not supported")
        }
        let nodes = try parsed(fullName, line: line, includedFrom: templateStack.last)
        partialsInProgress.insert(key)
        templateStack.append(fullName)
        defer {
            templateStack.removeLast()
            partialsInProgress.remove(key)
        }
        let steps = try compile(nodes, as: Model.self)
        partials[key] = steps
        return steps
    }

    private func located<T>(_ tag: String, _ line: Int, subject: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let problem as FieldProblem {
            throw locatedError(tag, line, problem.message(subject: subject))
        }
    }

    private func locatedError(_ tag: String, _ line: Int, _ message: String) -> TemplateError {
        TemplateError(template: templateStack.last ?? "?", line: line, message: "\(tag): \(message)")
    }
}
