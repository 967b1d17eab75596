/// Cuts a complete, sorted result into EC2 pages with `MaxResults` and `NextToken`.
///
/// The whole result is read from CloudStack first (paged through completely), so a page never
/// silently stops at CloudStack's 500-row default. A token records the key of the last item
/// returned, so items added or removed between pages neither repeat nor vanish.
struct Pager {
    let codec: PageTokenCodec
    /// What must not change between pages: action, caller, filters, ids.
    let scope: String

    /// The page of `items` (sorted by `key`'s UTF-8 bytes) after `nextToken`, at most `maxResults` long, and the next token.
    func page<Item>(
        _ items: [Item], key: (Item) -> String, maxResults: Int?, nextToken: String?
    ) throws(EC2Error) -> (items: [Item], nextToken: String?) {
        var rest = items[...]
        if let nextToken, !nextToken.isEmpty {
            let position = try codec.decode(nextToken, scope: scope)
            if let after = position.afterKey {
                rest = rest.drop { !after.utf8.lexicographicallyPrecedes(key($0).utf8) }
            } else {
                rest = rest.dropFirst(position.offset)
            }
        }
        guard let maxResults, rest.count > maxResults else {
            // Everything left: the array itself rather than a copy of every element.
            return (rest.count == items.count ? items : Array(rest), nil)
        }
        let page = Array(rest.prefix(maxResults))
        let last = page.last.map(key)
        return (page, codec.encode(PagePosition(offset: 0, afterKey: last), scope: scope))
    }

    /// A scope string from its parts, unambiguous whatever the parts contain.
    static func scope(_ parts: [String]) -> String {
        parts.map { "\($0.utf8.count):\($0)" }.joined()
    }

    /// The scope parts for a request's filters, in a canonical order.
    static func describe(_ filters: [Filter]?) -> String {
        (filters ?? []).map { $0.name + "=" + $0.values.joined(separator: "\u{1}") }.sorted().joined(separator: "\u{2}")
    }
}
