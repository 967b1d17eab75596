public import JSON

/// compute v1 `Disk`: a CloudStack volume (read-only in this bridge so far).
public struct Disk: SchemaObject {
    /// `id` (uint64).
    public var id: UInt64
    /// `name`.
    public var name: String
    /// `creationTimestamp`.
    public var creationTimestamp: String?
    /// `description`.
    public var description: String? = nil
    /// `sizeGb`.
    public var sizeGb: Int64?
    /// `zone` (URL).
    public var zone: String
    /// `status`: CREATING, READY, DELETING, FAILED.
    public var status: String
    /// `type` (disk type URL).
    public var type: String
    /// `sourceImage` (URL), for root disks made from an image.
    public var sourceImage: String?
    /// `sourceSnapshot` (URL), for disks made from a snapshot that still exists.
    public var sourceSnapshot: String? = nil
    /// `sourceSnapshotId`: the snapshot's id, kept after the snapshot is gone.
    public var sourceSnapshotId: UInt64? = nil
    /// `users`: the instance (URL) it is attached to.
    public var users: [String]
    /// `labels`.
    public var labels: [(key: String, value: String)]
    /// `selfLink`.
    public var selfLink: String

    /// Writes the object.
    public func write(to w: inout JSONWriter) {
        w.beginObject()
        w.member("kind", "compute#disk")
        w.int64String("id", id)
        w.member("creationTimestamp", ifPresent: creationTimestamp)
        w.member("name", name)
        w.member("description", ifPresent: description)
        w.int64String("sizeGb", sizeGb)
        w.member("zone", zone)
        w.member("status", status)
        w.member("type", type)
        w.member("sourceImage", ifPresent: sourceImage)
        w.member("sourceSnapshot", ifPresent: sourceSnapshot)
        if let sourceSnapshotId { w.member("sourceSnapshotId", String(sourceSnapshotId)) }
        w.strings("users", users)
        w.stringMap("labels", labels)
        w.member("labelFingerprint", Fingerprint.of(pairs: labels))
        w.member("selfLink", selfLink)
        w.endObject()
    }
}

extension Disk: Filterable {
    func filterValue(_ field: String) -> String? {
        switch field {
        case "name": name
        case "id": String(id)
        case "status": status
        case "zone": zone
        case "sizeGb": sizeGb.map { String($0) }
        default: Self.label(field, in: labels)
        }
    }
}
