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
    /// `deprecated`, set by `images.deprecate` (nil: ACTIVE, never deprecated).
    public var deprecated: ImageDeprecation? = nil

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
        if let deprecated {
            w.key("deprecated")
            deprecated.write(to: &w)
        }
        w.stringMap("labels", labels)
        w.member("labelFingerprint", Fingerprint.of(pairs: labels))
        w.member("selfLink", selfLink)
        w.endObject()
    }
}

/// compute v1 `DeprecationStatus` of an image.
public struct ImageDeprecation: SchemaObject, Equatable {
    /// `state`: ACTIVE, DEPRECATED, OBSOLETE or DELETED.
    public var state: String
    /// `replacement` (URL of the image to use instead).
    public var replacement: String?
    /// `deprecated`, `obsolete`, `deleted`: informational RFC 3339 timestamps.
    public var deprecated: String?
    public var obsolete: String?
    public var deleted: String?

    /// Writes the object.
    public func write(to w: inout JSONWriter) {
        w.beginObject()
        w.member("state", state)
        w.member("replacement", ifPresent: replacement)
        w.member("deprecated", ifPresent: deprecated)
        w.member("obsolete", ifPresent: obsolete)
        w.member("deleted", ifPresent: deleted)
        w.endObject()
    }
}
