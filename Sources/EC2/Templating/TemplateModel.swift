/// A view model a template can be compiled against: it lists its fields once, as typed accessors.
///
/// No reflection and no string-keyed lookup at render time: the compiler resolves every name in a
/// template to one of these accessors at start-up, and a render only calls them.
public protocol TemplateModel: Sendable {
    /// The names a template may use, each bound to a typed accessor.
    static var templateFields: TemplateFields<Self> { get }
}

/// A string is a context of its own, so `{{#nextToken}}{{.}}{{/nextToken}}` and lists of strings work.
extension String: TemplateModel {
    /// Only `{{.}}`: the string itself.
    public static var templateFields: TemplateFields<String> { TemplateFields(this: .string { $0 }) }
}

/// An integer is a context of its own, for optional integers and lists of them.
extension Int: TemplateModel {
    /// Only `{{.}}`: the integer itself, in decimal.
    public static var templateFields: TemplateFields<Int> { TemplateFields(this: .int { $0 }) }
}
