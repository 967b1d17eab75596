/// The fields of one model type by name, written as a dictionary literal in the model's conformance.
///
///     static let templateFields: TemplateFields<Self> = [
///         "instanceId": .string(\.instanceId),
///         "tagSet": .list(\.tags),
///     ]
public struct TemplateFields<Model>: Sendable, ExpressibleByDictionaryLiteral {
    let byName: [String: TemplateField<Model>]
    /// Names given more than once; using one is a compile error rather than a silent pick.
    let duplicates: Set<String>
    /// What `{{.}}` means in this context, if anything.
    let this: TemplateField<Model>?

    /// Creates the field list from a dictionary literal.
    public init(dictionaryLiteral elements: (String, TemplateField<Model>)...) {
        self.init(elements)
    }

    /// Creates the field list from name/field pairs and an optional meaning for `{{.}}`.
    public init(_ elements: [(String, TemplateField<Model>)] = [], this: TemplateField<Model>? = nil) {
        var byName: [String: TemplateField<Model>] = [:]
        var duplicates: Set<String> = []
        for (name, field) in elements {
            if byName.updateValue(field, forKey: name) != nil { duplicates.insert(name) }
        }
        self.byName = byName
        self.duplicates = duplicates
        self.this = this
    }

    /// The field called `name`, or a problem that names the model and what it does have.
    func field(named name: String) throws(FieldProblem) -> TemplateField<Model> {
        if name == "." {
            if let this { return this }
            throw FieldProblem(message: "\(Self.modelName) has no value of its own for '{{.}}'")
        }
        if duplicates.contains(name) {
            throw FieldProblem(message: "\(Self.modelName) declares field '\(name)' more than once")
        }
        guard let field = byName[name] else {
            let known = byName.keys.sorted().joined(separator: ", ")
            throw FieldProblem(message: "\(Self.modelName) has no field '\(name)' (it has: \(known.isEmpty ? "none" : known))")
        }
        return field
    }

    /// Resolves a dotted path like `placement.availabilityZone` through object fields.
    func field(at path: [String]) throws -> TemplateField<Model> {
        guard let first = path.first else { throw FieldProblem(message: "empty name") }
        var field = try field(named: first)
        var subject = first
        for component in path.dropFirst() {
            do {
                field = try field.member(component)
            } catch let problem as FieldProblem {
                throw FieldProblem(message: problem.message(subject: subject))
            }
            subject += "." + component
        }
        return field
    }

    static var modelName: String { String(describing: Model.self) }
}
