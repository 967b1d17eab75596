/// A request's filters, validated against an action's table and compiled: filters are AND-ed,
/// the values of one filter OR-ed, each value a `WildcardPattern`.
public struct FilterSet<Item>: Sendable {
    struct Compiled: Sendable {
        let name: String
        let patterns: [WildcardPattern]
    }

    let table: FilterTable<Item>
    let compiled: [Compiled]

    /// Validates `filters`: an unknown name is `InvalidParameterValue` ("The filter 'x' is invalid"),
    /// a filter without values `InvalidParameterValue` too.
    public init(_ filters: [Filter]?, table: FilterTable<Item>) throws(EC2Error) {
        var compiled: [Compiled] = []
        for filter in filters ?? [] {
            guard table.knows(filter.name) else { throw EC2Error.unknownFilter(filter.name) }
            guard !filter.values.isEmpty else {
                throw EC2Error.invalidParameterValue("The filter '\(filter.name)' requires at least one value")
            }
            compiled.append(Compiled(name: filter.name, patterns: filter.values.map(WildcardPattern.init)))
        }
        self.table = table
        self.compiled = compiled
    }

    /// Whether there are no filters.
    public var isEmpty: Bool { compiled.isEmpty }

    /// Whether `item` passes every filter.
    public func matches(_ item: Item) -> Bool {
        compiled.allSatisfy { filter in
            let values = itemValues(filter.name, item)
            return values.contains { value in filter.patterns.contains { $0.matches(value) } }
        }
    }

    /// The items that pass every filter, in order.
    public func apply(_ items: [Item]) -> [Item] {
        // `filter` copies every item it keeps; when all match (a filter CloudStack already applied),
        // the same array is handed back instead. Items are read in place (an array subscript copies).
        if compiled.isEmpty || items.withUnsafeBufferPointer({ buffer in buffer.indices.allSatisfy { matches(buffer[$0]) } }) {
            return items
        }
        return items.filter(matches)
    }

    /// The exact values of `name` if the table lets it be pushed down and no value has a wildcard.
    ///
    /// Pushing down only narrows what CloudStack returns; `matches` must still run on the result.
    /// With the same filter given twice the values of the first are returned (the AND of both is
    /// still enforced locally).
    public func pushdownValues(_ name: String) -> [String]? {
        guard table.fields[name]?.pushdown == true else { return nil }
        return exactValues(name)
    }

    /// The exact `tag:<key>` filters (key and values) if the table lets tags be pushed down.
    public var pushdownTags: [(key: String, values: [String])] {
        guard table.tagPushdown else { return [] }
        return compiled.compactMap { filter in
            guard filter.name.hasPrefix("tag:"), let values = exactValues(filter.name) else { return nil }
            return (String(filter.name.dropFirst(4)), values)
        }
    }

    private func exactValues(_ name: String) -> [String]? {
        guard let filter = compiled.first(where: { $0.name == name }) else { return nil }
        let values = filter.patterns.compactMap(\.exactValue)
        return values.count == filter.patterns.count ? values : nil
    }

    private func itemValues(_ name: String, _ item: Item) -> [String] {
        if let field = table.fields[name] { return field.values(item) }
        guard let tags = table.tags?(item) else { return [] }
        switch name {
        case "tag-key": return tags.map(\.key)
        case "tag-value": return tags.map(\.value)
        default:
            let key = name.dropFirst(4)
            return tags.filter { $0.key == key }.map(\.value)
        }
    }
}
