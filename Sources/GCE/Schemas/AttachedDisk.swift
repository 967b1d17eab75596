public import JSON

/// compute v1 `AttachedDisk`.
public struct AttachedDisk: SchemaObject {
    /// `deviceName`.
    public var deviceName: String
    /// `index`.
    public var index: Int
    /// `boot`.
    public var boot: Bool
    /// `source` (URL).
    public var source: String
    /// `diskSizeGb`.
    public var diskSizeGb: Int64?
    /// `autoDelete`: deleted with the instance (a boot disk always).
    public var autoDelete: Bool? = nil

    /// Writes the object.
    public func write(to w: inout JSONWriter) {
        w.beginObject()
        w.member("kind", "compute#attachedDisk")
        w.member("type", "PERSISTENT")
        w.member("mode", "READ_WRITE")
        w.member("source", source)
        w.member("deviceName", deviceName)
        w.member("index", index)
        w.member("boot", boot)
        w.member("autoDelete", autoDelete ?? boot)
        w.member("interface", "SCSI")
        w.int64String("diskSizeGb", diskSizeGb)
        w.endObject()
    }
}
