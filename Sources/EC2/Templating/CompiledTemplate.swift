/// A template bound to a model type: literal byte runs and accessors, ready to render.
///
/// Rendering cannot fail and does no parsing, no lookup by name and no reflection: it copies the
/// literal runs and appends each bound value, escaped.
public struct CompiledTemplate<Model>: Sendable {
    /// The template's name, e.g. `actions/DescribeInstances`.
    public let name: String
    private let program: Appender<Model>

    init(name: String, steps: [TemplateStep<Model>]) {
        self.name = name
        program = TemplateStep.compose(steps)
    }

    /// Appends the rendering of `model` to `out`.
    public func render(_ model: Model, into out: inout [UInt8]) {
        program(model, &out)
    }

    /// The rendering of `model` as new bytes.
    public func render(_ model: Model) -> [UInt8] {
        var out: [UInt8] = []
        render(model, into: &out)
        return out
    }
}
