// Optional strings and integers are the most common optionals in EC2 shapes (keyName, subnetId,
// ipAddress, ...). These concrete overloads are chosen over the generic `optional` for them: a
// generic `Sub?` makes the unspecialised render code ask the runtime for `Optional<Sub>`'s
// metadata on every call, while `String?` and `Int?` metadata is cached once.
extension TemplateField where Model: TemplateModel {
    /// An optional string: `{{name}}` writes it escaped or nothing; `{{#name}}…{{.}}…{{/name}}`
    /// renders once when present; `{{^name}}` renders when absent.
    public static func optional(_ get: @escaping @Sendable (Model) -> String?) -> Self {
        Self(
            kind: "an optional String",
            value: { escaped -> Appender<Model> in
                if escaped {
                    return { model, out in if let value = get(model) { XMLText.append(value, to: &out) } }
                }
                return { model, out in if let value = get(model) { TemplateText.appendRaw(value, to: &out) } }
            },
            section: { session, body, inverted in
                if inverted {
                    let inner = TemplateStep.compose(try session.compile(body, as: Model.self))
                    return .run { model, out in if get(model) == nil { inner(model, &out) } }
                }
                let inner = TemplateStep.compose(try session.compile(body, as: String.self))
                return .run { model, out in if let value = get(model) { inner(value, &out) } }
            }
        )
    }

    /// An optional integer, in decimal, with the same section rules as an optional string.
    public static func optional(_ get: @escaping @Sendable (Model) -> Int?) -> Self {
        Self(
            kind: "an optional Int",
            value: { _ -> Appender<Model> in
                { model, out in if let value = get(model) { TemplateText.appendDecimal(value, to: &out) } }
            },
            section: { session, body, inverted in
                if inverted {
                    let inner = TemplateStep.compose(try session.compile(body, as: Model.self))
                    return .run { model, out in if get(model) == nil { inner(model, &out) } }
                }
                let inner = TemplateStep.compose(try session.compile(body, as: Int.self))
                return .run { model, out in if let value = get(model) { inner(value, &out) } }
            }
        )
    }
}
