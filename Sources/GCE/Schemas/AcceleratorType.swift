public import JSON

/// compute v1 `AcceleratorType`: CloudStack 4.18 offers no GPUs in this mapping, so lists of them are empty.
public struct AcceleratorType: SchemaObject {
    /// `id` (uint64).
    public var id: UInt64
    /// `name`.
    public var name: String
    /// `description`.
    public var description: String?
    /// `zone` (URL).
    public var zone: String
    /// `maximumCardsPerInstance`.
    public var maximumCardsPerInstance: Int
    /// `selfLink`.
    public var selfLink: String

    /// Writes the object.
    public func write(to w: inout JSONWriter) {
        w.beginObject()
        w.member("kind", "compute#acceleratorType")
        w.int64String("id", id)
        w.member("name", name)
        w.member("description", ifPresent: description)
        w.member("zone", zone)
        w.member("maximumCardsPerInstance", maximumCardsPerInstance)
        w.member("selfLink", selfLink)
        w.endObject()
    }
}

extension AcceleratorType: Filterable {
    func filterValue(_ field: String) -> String? {
        switch field {
        case "name": name
        case "id": String(id)
        case "zone": zone
        case "description": description
        default: nil
        }
    }
}
