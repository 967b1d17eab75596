public import JSON

/// compute v1 `SerialPortOutput`.
public struct SerialPortOutput: SchemaObject {
    /// `contents`.
    public var contents: String
    /// `start` (int64): the position of the first byte returned.
    public var start: Int64
    /// `next` (int64): the position after the last byte returned.
    public var next: Int64
    /// `selfLink`.
    public var selfLink: String

    /// Writes the object.
    public func write(to w: inout JSONWriter) {
        w.beginObject()
        w.member("kind", "compute#serialPortOutput")
        w.member("contents", contents)
        w.int64String("start", start)
        w.int64String("next", next)
        w.member("selfLink", selfLink)
        w.endObject()
    }
}
