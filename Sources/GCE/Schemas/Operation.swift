public import JSON

/// compute v1 `Operation`.
public struct Operation: SchemaObject {
    /// `id` (uint64).
    public var id: UInt64
    /// `name`.
    public var name: String
    /// `zone` (URL), for zonal operations.
    public var zone: String?
    /// `region` (URL), for regional operations.
    public var region: String?
    /// `operationType`: insert, delete, start, stop, reset, setMetadata, ...
    public var operationType: String
    /// `targetLink`.
    public var targetLink: String
    /// `targetId` (uint64).
    public var targetId: UInt64?
    /// `status`: PENDING, RUNNING, DONE.
    public var status: String
    /// `progress` (0-100).
    public var progress: Int
    /// `user`.
    public var user: String
    /// `insertTime`.
    public var insertTime: String?
    /// `startTime`.
    public var startTime: String?
    /// `endTime`.
    public var endTime: String?
    /// The failure of a DONE operation, if it failed.
    public var error: GCEError?
    /// `selfLink`.
    public var selfLink: String

    /// Writes the object.
    public func write(to w: inout JSONWriter) {
        w.beginObject()
        w.member("kind", "compute#operation")
        w.int64String("id", id)
        w.member("name", name)
        w.member("zone", ifPresent: zone)
        w.member("region", ifPresent: region)
        w.member("operationType", operationType)
        w.member("targetLink", targetLink)
        w.int64String("targetId", targetId)
        w.member("status", status)
        w.member("user", user)
        w.member("progress", progress)
        w.member("insertTime", ifPresent: insertTime)
        w.member("startTime", ifPresent: startTime)
        w.member("endTime", ifPresent: endTime)
        if let error {
            w.key("error")
            w.beginObject()
            w.key("errors")
            w.beginArray()
            w.beginObject()
            w.member("code", error.operationCode)
            w.member("message", error.message)
            w.endObject()
            w.endArray()
            w.endObject()
            w.member("httpErrorStatusCode", error.status)
            w.member("httpErrorMessage", error.httpErrorMessage)
        }
        w.member("selfLink", selfLink)
        w.endObject()
    }
}
