/// One named field of a model: a typed accessor plus what a template may do with it.
///
/// Every capability is checked when a template is compiled; a name used the wrong way
/// (a list as a value, a string as a section) is a compile error, not a render-time surprise.
public struct TemplateField<Model>: Sendable {
    /// How the field reads in error messages: `string`, `list of Tag`, ...
    let kind: String
    /// The appender for `{{name}}` (escaped: true) or `{{{name}}}` (escaped: false).
    let value: @Sendable (_ escaped: Bool) throws -> Appender<Model>
    /// The step for `{{#name}}body{{/name}}` or, inverted, `{{^name}}body{{/name}}`.
    let section: @Sendable (CompileSession, [TemplateNode], _ inverted: Bool) throws -> TemplateStep<Model>
    /// The field reached by one more component of a dotted name.
    let member: @Sendable (String) throws -> TemplateField<Model>

    init(
        kind: String,
        value: (@Sendable (Bool) throws -> Appender<Model>)? = nil,
        section: (@Sendable (CompileSession, [TemplateNode], Bool) throws -> TemplateStep<Model>)? = nil,
        member: (@Sendable (String) throws -> TemplateField<Model>)? = nil
    ) {
        self.kind = kind
        if let value {
            self.value = value
        } else {
            self.value = { _ in throw FieldProblem.predicate("is \(kind), which has no text value; use it as a section") }
        }
        if let section {
            self.section = section
        } else {
            self.section = { _, _, _ in
                throw FieldProblem.predicate("is \(kind), which cannot be a section (sections take a boolean, optional, list or object)")
            }
        }
        if let member {
            self.member = member
        } else {
            self.member = { name in throw FieldProblem.predicate("is \(kind), which has no field '\(name)'") }
        }
    }

    /// The same field for an outer model that reaches this one through `get`.
    func pulledBack<Outer>(_ get: @escaping @Sendable (Outer) -> Model) -> TemplateField<Outer> {
        let value = self.value
        let section = self.section
        let member = self.member
        return TemplateField<Outer>(
            kind: kind,
            value: { escaped throws in
                let append = try value(escaped)
                return { outer, out in append(get(outer), &out) }
            },
            section: { session, body, inverted in
                try section(session, body, inverted).pulledBack(get)
            },
            member: { name throws in try member(name).pulledBack(get) }
        )
    }
}

// Sections with a boolean or inverted condition keep the current context, so the model must be one.
extension TemplateField where Model: TemplateModel {
    /// A string, XML-escaped by `{{name}}`, copied as is by `{{{name}}}`.
    public static func string(_ get: @escaping @Sendable (Model) -> String) -> Self {
        Self(
            kind: "a string",
            value: { escaped -> Appender<Model> in
                if escaped { return { model, out in XMLText.append(get(model), to: &out) } }
                return { model, out in TemplateText.appendRaw(get(model), to: &out) }
            })
    }

    /// An integer, written in decimal.
    public static func int(_ get: @escaping @Sendable (Model) -> Int) -> Self {
        Self(kind: "an integer", value: { _ -> Appender<Model> in { model, out in TemplateText.appendDecimal(get(model), to: &out) } })
    }

    /// A nested object: `{{name.field}}`, or `{{#name}}…{{/name}}` to make it the context.
    public static func object<Sub: TemplateModel>(_ get: @escaping @Sendable (Model) -> Sub) -> Self {
        Self(
            kind: "an object \(Sub.self)",
            value: { escaped throws in
                guard let this = Sub.templateFields.this else {
                    throw FieldProblem.predicate("is an object \(Sub.self), which has no text value; name one of its fields")
                }
                let append = try this.value(escaped)
                return { model, out in append(get(model), &out) }
            },
            section: { session, body, inverted in
                if inverted { throw FieldProblem.predicate("is an object \(Sub.self), which is always present, so {{^…}} never renders") }
                let inner = TemplateStep.compose(try session.compile(body, as: Sub.self))
                return .run { model, out in inner(get(model), &out) }
            },
            member: { name throws in try Sub.templateFields.field(named: name).pulledBack(get) }
        )
    }

    /// An optional: `{{name}}` writes nothing when absent; `{{#name}}` renders once with the value as
    /// the context; `{{^name}}` renders when absent.
    public static func optional<Sub: TemplateModel>(_ get: @escaping @Sendable (Model) -> Sub?) -> Self {
        Self(
            kind: "an optional \(Sub.self)",
            value: { escaped throws in
                guard let this = Sub.templateFields.this else {
                    throw FieldProblem.predicate("is an optional \(Sub.self), which has no text value; use it as a section")
                }
                let append = try this.value(escaped)
                return { model, out in if let value = get(model) { append(value, &out) } }
            },
            section: { session, body, inverted in
                if inverted {
                    let inner = TemplateStep.compose(try session.compile(body, as: Model.self))
                    return .run { model, out in if get(model) == nil { inner(model, &out) } }
                }
                let inner = TemplateStep.compose(try session.compile(body, as: Sub.self))
                return .run { model, out in if let value = get(model) { inner(value, &out) } }
            }
        )
    }

    /// A list: `{{#name}}` renders once per element with the element as the context; `{{^name}}`
    /// renders when the list is empty.
    public static func list<Sub: TemplateModel>(_ get: @escaping @Sendable (Model) -> [Sub]) -> Self {
        Self(
            kind: "a list of \(Sub.self)",
            section: { session, body, inverted in
                if inverted {
                    let inner = TemplateStep.compose(try session.compile(body, as: Model.self))
                    return .run { model, out in if get(model).isEmpty { inner(model, &out) } }
                }
                let inner = TemplateStep.compose(try session.compile(body, as: Sub.self))
                return .run { model, out in
                    for element in get(model) { inner(element, &out) }
                }
            }
        )
    }

    /// A flag: `{{#name}}` renders when true, `{{^name}}` when false, `{{name}}` writes `true`/`false`.
    public static func bool(_ get: @escaping @Sendable (Model) -> Bool) -> Self {
        Self(
            kind: "a boolean",
            value: { _ -> Appender<Model> in
                { model, out in out.append(contentsOf: get(model) ? Self.trueBytes : Self.falseBytes) }
            },
            section: { session, body, inverted in
                let inner = TemplateStep.compose(try session.compile(body, as: Model.self))
                return .run { model, out in
                    if get(model) != inverted { inner(model, &out) }
                }
            }
        )
    }

    private static var trueBytes: [UInt8] { [0x74, 0x72, 0x75, 0x65] }
    private static var falseBytes: [UInt8] { [0x66, 0x61, 0x6C, 0x73, 0x65] }
}
