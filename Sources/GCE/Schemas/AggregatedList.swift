public import JSON

/// A compute v1 `*AggregatedList`: `items` keyed `zones/<zone>`, each a scoped list or a warning.
public struct AggregatedList<Item: SchemaObject>: SchemaObject {
    /// `kind`, e.g. `compute#instanceAggregatedList`.
    public var kind: StaticString
    /// The member of each scoped list holding the items (`instances`, `machineTypes`, ...).
    public var itemsKey: StaticString
    /// `id`.
    public var id: String
    /// Scope name (`zones/<zone>`) and its items, in order.
    public var scopes: [(scope: String, items: [Item])]
    /// `nextPageToken`.
    public var nextPageToken: String?
    /// `selfLink`.
    public var selfLink: String

    /// Writes the object; an empty scope carries Google's `NO_RESULTS_ON_PAGE` warning.
    public func write(to w: inout JSONWriter) {
        w.beginObject()
        w.key("kind")
        w.string(kind.description)
        w.member("id", id)
        w.key("items")
        w.beginObject()
        for (scope, items) in scopes {
            w.key(scope)
            w.beginObject()
            if items.isEmpty {
                w.key("warning")
                w.beginObject()
                w.member("code", "NO_RESULTS_ON_PAGE")
                w.member("message", "There are no results for scope '\(scope)' on this page.")
                w.key("data")
                w.beginArray()
                w.beginObject()
                w.member("key", "scope")
                w.member("value", scope)
                w.endObject()
                w.endArray()
                w.endObject()
            } else {
                w.key(itemsKey)
                w.beginArray()
                for item in items { item.write(to: &w) }
                w.endArray()
            }
            w.endObject()
        }
        w.endObject()
        w.member("nextPageToken", ifPresent: nextPageToken)
        w.member("selfLink", selfLink)
        w.endObject()
    }
}
