public import JSON

/// compute v1 `Region`.
public struct Region: SchemaObject {
    /// `id` (uint64).
    public var id: UInt64
    /// `name`.
    public var name: String
    /// `description`.
    public var description: String?
    /// `status`: `UP` or `DOWN`.
    public var status: String
    /// `zones` (URLs).
    public var zones: [String]
    /// `selfLink`.
    public var selfLink: String

    /// Writes the object.
    public func write(to w: inout JSONWriter) {
        w.beginObject()
        w.member("kind", "compute#region")
        w.int64String("id", id)
        w.member("name", name)
        w.member("description", ifPresent: description)
        w.member("status", status)
        w.key("zones")
        w.beginArray()
        for zone in zones { w.string(zone) }
        w.endArray()
        w.member("selfLink", selfLink)
        w.member("supportsPzs", false)
        w.endObject()
    }
}
