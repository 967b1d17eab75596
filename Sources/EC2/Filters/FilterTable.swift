/// The filter names one Describe action accepts, and how to read each from its items.
///
/// Each action declares its table once; `FilterSet` uses it to validate a request's filters,
/// evaluate them, and tell the action which ones it may pass to CloudStack.
public struct FilterTable<Item>: Sendable {
    /// How one named filter reads an item.
    public struct Field: Sendable {
        /// The item's values for this filter (a filter matches if any value matches any pattern).
        public let values: @Sendable (Item) -> [String]
        /// Whether an exact (wildcard-free) value may be sent to CloudStack instead of only filtering locally.
        public let pushdown: Bool

        /// Creates a field.
        public init(pushdown: Bool = false, values: @escaping @Sendable (Item) -> [String]) {
            self.values = values
            self.pushdown = pushdown
        }
    }

    let fields: [String: Field]
    let tags: (@Sendable (Item) -> [(key: String, value: String)])?
    let tagPushdown: Bool

    /// Creates a table; `tags` enables `tag:<key>`, `tag-key` and `tag-value`.
    public init(
        _ fields: [String: Field], tags: (@Sendable (Item) -> [(key: String, value: String)])? = nil, tagPushdown: Bool = false
    ) {
        self.fields = fields
        self.tags = tags
        self.tagPushdown = tagPushdown
    }

    /// Whether `name` is a filter this action knows.
    public func knows(_ name: String) -> Bool {
        if fields[name] != nil { return true }
        guard tags != nil else { return false }
        return name == "tag-key" || name == "tag-value" || (name.hasPrefix("tag:") && name.count > 4)
    }
}
