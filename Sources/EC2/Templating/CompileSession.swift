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
            throw locatedError(
                "{{>\(name)}}", line, "partial '\(name)' includes itself for \(Model.self); recursive partials are not supported")
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
