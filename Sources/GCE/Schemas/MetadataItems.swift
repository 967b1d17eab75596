public import JSON

/// compute v1 `Metadata`: key/value items with a fingerprint for optimistic locking.
public struct MetadataItems: SchemaObject, Equatable {
    /// `items`.
    public var items: [(key: String, value: String)]

    /// Creates metadata.
    public init(_ items: [(key: String, value: String)]) { self.items = items }

    /// `fingerprint`: `Fingerprint` over the items in order, so it changes with them.
    public var fingerprint: String { Fingerprint.of(pairs: items) }

    /// The value of `key`.
    public subscript(key: String) -> String? { items.first { $0.key == key }?.value }

    /// Writes the object.
    public func write(to w: inout JSONWriter) {
        w.beginObject()
        w.member("kind", "compute#metadata")
        w.member("fingerprint", fingerprint)
        if !items.isEmpty {
            w.key("items")
            w.beginArray()
            for item in items {
                w.beginObject()
                w.member("key", item.key)
                w.member("value", item.value)
                w.endObject()
            }
            w.endArray()
        }
        w.endObject()
    }

    /// Equal when the items are equal in order.
    public static func == (a: MetadataItems, b: MetadataItems) -> Bool {
        a.items.count == b.items.count && zip(a.items, b.items).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}
