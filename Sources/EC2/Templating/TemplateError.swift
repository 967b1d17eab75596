/// A template that cannot be compiled: which template, which line, and what is wrong.
///
/// Thrown at start-up (and in tests), never while rendering: a compiled template cannot fail.
public struct TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The template's name, e.g. `actions/DescribeInstances` or `partials/Instance`.
    public var template: String
    /// The 1-based line of the offending tag.
    public var line: Int
    /// What is wrong, naming the field and the model type where one is involved.
    public var message: String

    /// Creates an error value.
    public init(template: String, line: Int, message: String) {
        self.template = template
        self.line = line
        self.message = message
    }

    /// `template:line: message`, the form compilers use.
    public var description: String { "\(template):\(line): \(message)" }
}
