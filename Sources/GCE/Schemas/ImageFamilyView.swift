public import JSON

/// compute v1 `ImageFamilyView`: the newest image of a family.
public struct ImageFamilyView: SchemaObject {
    /// `image`.
    public var image: Image

    /// Writes the object.
    public func write(to w: inout JSONWriter) {
        w.beginObject()
        w.key("image")
        image.write(to: &w)
        w.endObject()
    }
}
