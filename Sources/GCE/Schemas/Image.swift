public import JSON

/// compute v1 `Image`.
public struct Image: SchemaObject {
    /// `id` (uint64).
    public var id: UInt64
    /// `name`.
    public var name: String
    /// `description`.
    public var description: String?
    /// `creationTimestamp`.
    public var creationTimestamp: String?
    /// `status`: PENDING, READY, FAILED, DELETING.
    public var status: String
    /// `family`.
    public var family: String?
    /// `archiveSizeBytes`.
    public var archiveSizeBytes: Int64?
    /// `diskSizeGb`.
    public var diskSizeGb: Int64?
    /// `rawDisk.source`, for images registered from a URL.
    public var rawDiskSource: String?
    /// `labels`.
    public var labels: [(key: String, value: String)]
    /// `selfLink`.
    public var selfLink: String

    /// Writes the object.
    public func write(to w: inout JSONWriter) {
        w.beginObject()
        w.member("kind", "compute#image")
        w.int64String("id", id)
        w.member("creationTimestamp", ifPresent: creationTimestamp)
        w.member("name", name)
        w.member("description", ifPresent: description)
        w.member("sourceType", "RAW")
        if let rawDiskSource {
            w.key("rawDisk")
            w.beginObject()
            w.member("source", rawDiskSource)
            w.member("containerType", "TAR")
            w.endObject()
        }
        w.member("status", status)
        w.int64String("archiveSizeBytes", archiveSizeBytes)
        w.int64String("diskSizeGb", diskSizeGb)
        w.member("family", ifPresent: family)
        w.stringMap("labels", labels)
        w.member("labelFingerprint", Fingerprint.of(pairs: labels))
        w.member("selfLink", selfLink)
        w.endObject()
    }
}
