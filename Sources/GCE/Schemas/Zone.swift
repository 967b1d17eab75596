public import JSON

/// compute v1 `Zone`.
public struct Zone: SchemaObject {
    /// `id` (uint64).
    public var id: UInt64
    /// `name`.
    public var name: String
    /// `description`.
    public var description: String?
    /// `status`: `UP` or `DOWN`.
    public var status: String
    /// `region` (URL).
    public var region: String
    /// `selfLink`.
    public var selfLink: String
    /// `creationTimestamp`.
    public var creationTimestamp: String?

    /// Writes the object.
    public func write(to w: inout JSONWriter) {
        w.beginObject()
        w.member("kind", "compute#zone")
        w.int64String("id", id)
        w.member("creationTimestamp", ifPresent: creationTimestamp)
        w.member("name", name)
        w.member("description", ifPresent: description)
        w.member("status", status)
        w.member("region", region)
        w.member("selfLink", selfLink)
        w.member("supportsPzs", false)
        w.endObject()
    }
}
