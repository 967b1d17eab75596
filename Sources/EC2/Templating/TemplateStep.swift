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

    /// Composes `steps` into one appender: the whole of a render.
    ///
    /// Composed closures rather than a loop over `[TemplateStep<Model>]`, because this code is
    /// generic and not specialised: iterating an array of a generic enum asks the runtime for its
    /// metadata on every render (13% of all instructions in callgrind), while a closure carries
    /// its generic context with it. The tree is balanced, so nesting stays shallow.
    static func compose(_ steps: [TemplateStep<Model>]) -> Appender<Model> {
        compose(steps[...])
    }

    private static func compose(_ steps: ArraySlice<TemplateStep<Model>>) -> Appender<Model> {
        switch steps.count {
        case 0:
            return { _, _ in }
        case 1:
            switch steps[steps.startIndex] {
            // Borrowed, not passed: `append(contentsOf:)` takes its argument owned, which cost a
            // retain and a release of the shared literal on every append (a fifth of a render).
            case .literal(let bytes): return { _, out in bytes.withUnsafeBufferPointer { out.append(contentsOf: $0) } }
            case .run(let append): return append
            }
        default:
            let middle = steps.startIndex + steps.count / 2
            let first = compose(steps[..<middle])
            let second = compose(steps[middle...])
            return { model, out in
                first(model, &out)
                second(model, &out)
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
