/// Appends one value of a model to the output.
typealias Appender<Model> = @Sendable (Model, inout [UInt8]) -> Void

/// One step of a compiled template: a literal byte run or a bound accessor (value or section).
enum TemplateStep<Model>: Sendable {
    /// Bytes copied as they are.
    case literal([UInt8])
    /// A value or a section, already bound to the model's accessors.
    case run(Appender<Model>)

    /// The same step for an outer model that reaches this one through `get`.
    func pulledBack<Outer>(_ get: @escaping @Sendable (Outer) -> Model) -> TemplateStep<Outer> {
        switch self {
        case .literal(let bytes): .literal(bytes)
        case .run(let append): .run { outer, out in append(get(outer), &out) }
        }
    }

    /// Runs `steps` for `model`; the whole of a render.
    @inline(__always)
    static func render(_ steps: [TemplateStep<Model>], _ model: Model, into out: inout [UInt8]) {
        for step in steps {
            switch step {
            case .literal(let bytes): out.append(contentsOf: bytes)
            case .run(let append): append(model, &out)
            }
        }
    }
}

extension Array {
    /// Appends a step, merging adjacent literal runs so a render copies fewer, longer runs.
    mutating func appendStep<Model>(_ step: TemplateStep<Model>) where Element == TemplateStep<Model> {
        if case .literal(let next) = step {
            if next.isEmpty { return }
            if case .literal(let previous)? = last {
                self[count - 1] = .literal(previous + next)
                return
            }
        }
        append(step)
    }
}
