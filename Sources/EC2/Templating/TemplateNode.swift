/// One parsed piece of a template, before it is bound to a model type.
indirect enum TemplateNode: Sendable {
    /// Literal bytes, layout whitespace already removed.
    case text([UInt8])
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{& name}}` (raw); `path` splits dotted names.
    case value(path: [String], escaped: Bool, line: Int)
    /// `{{#name}}…{{/name}}` or, inverted, `{{^name}}…{{/name}}`.
    case section(name: String, inverted: Bool, body: [TemplateNode], line: Int)
    /// `{{>Name}}`: the partial `partials/Name`.
    case partial(name: String, line: Int)
}
