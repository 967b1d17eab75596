public import JSON

/// A compute v1 `*List`: `kind`, `id`, `items`, `nextPageToken`, `selfLink`.
public struct ResourceList<Item: SchemaObject>: SchemaObject {
    /// `kind`, e.g. `compute#zoneList`.
    public var kind: StaticString
    /// `id`: the collection path, e.g. `projects/p/zones`.
    public var id: String
    /// `items`.
    public var items: [Item]
    /// `nextPageToken`.
    public var nextPageToken: String?
    /// `selfLink`.
    public var selfLink: String

    /// Writes the object; `items` is omitted when empty, as Google does.
    public func write(to w: inout JSONWriter) {
        w.beginObject()
        w.key("kind")
        w.string(kind.description)
        w.member("id", id)
        if !items.isEmpty { w.objects("items", items) }
        w.member("nextPageToken", ifPresent: nextPageToken)
        w.member("selfLink", selfLink)
        w.endObject()
    }
}
