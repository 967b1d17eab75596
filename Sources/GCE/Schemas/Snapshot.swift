public import JSON

/// compute v1 `Snapshot`: a CloudStack volume snapshot.
public struct Snapshot: SchemaObject {
    /// `id` (uint64).
    public var id: UInt64
    /// `name`.
    public var name: String
    /// `description`.
    public var description: String?
    /// `creationTimestamp`.
    public var creationTimestamp: String?
    /// `status`: CREATING, UPLOADING, READY, FAILED, DELETING.
    public var status: String
    /// `sourceDisk` (URL of the zonal disk).
    public var sourceDisk: String?
    /// `sourceDiskId` (the disk's uint64 id, as a string).
    public var sourceDiskId: UInt64?
    /// `diskSizeGb`.
    public var diskSizeGb: Int64?
    /// `storageBytes`.
    public var storageBytes: Int64?
    /// `labels`.
    public var labels: [(key: String, value: String)]
    /// `selfLink`.
    public var selfLink: String

    /// Writes the object.
    public func write(to w: inout JSONWriter) {
        w.beginObject()
        w.member("kind", "compute#snapshot")
        w.int64String("id", id)
        w.member("creationTimestamp", ifPresent: creationTimestamp)
        w.member("name", name)
        w.member("description", ifPresent: description)
        w.member("status", status)
        w.member("sourceDisk", ifPresent: sourceDisk)
        w.member("sourceDiskId", ifPresent: sourceDiskId.map { String($0) })
        w.int64String("diskSizeGb", diskSizeGb)
        w.int64String("storageBytes", storageBytes)
        w.member("storageBytesStatus", "UP_TO_DATE")
        w.member("snapshotType", "STANDARD")
        w.stringMap("labels", labels)
        w.member("labelFingerprint", Fingerprint.of(pairs: labels))
        w.member("selfLink", selfLink)
        w.endObject()
    }
}

extension Snapshot: Filterable {
    func filterValue(_ field: String) -> String? {
        switch field {
        case "name": name
        case "id": String(id)
        case "status": status
        case "sourceDisk": sourceDisk
        case "sourceDiskId": sourceDiskId.map { String($0) }
        case "diskSizeGb": diskSizeGb.map { String($0) }
        case "description": description
        default: Self.label(field, in: labels)
        }
    }
}
