public import JSON

/// compute v1 `DiskType`.
public struct DiskType: SchemaObject {
    /// `id` (uint64).
    public var id: UInt64
    /// `name`.
    public var name: String
    /// `description`.
    public var description: String?
    /// `validDiskSize`, e.g. `10GB-65536GB`.
    public var validDiskSize: String
    /// `defaultDiskSizeGb`.
    public var defaultDiskSizeGb: Int64
    /// `zone` (URL).
    public var zone: String
    /// `selfLink`.
    public var selfLink: String
    /// `creationTimestamp`.
    public var creationTimestamp: String?

    /// Writes the object.
    public func write(to w: inout JSONWriter) {
        w.beginObject()
        w.member("kind", "compute#diskType")
        w.int64String("id", id)
        w.member("creationTimestamp", ifPresent: creationTimestamp)
        w.member("name", name)
        w.member("description", ifPresent: description)
        w.member("validDiskSize", validDiskSize)
        w.int64String("defaultDiskSizeGb", defaultDiskSizeGb)
        w.member("zone", zone)
        w.member("selfLink", selfLink)
        w.endObject()
    }
}
