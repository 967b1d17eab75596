public import JSON

/// A CloudStack response object that decodes itself from a `JSONReader` in one pass.
public protocol CloudStackDecodable: Sendable {
    /// Reads one JSON object (the reader is on its `{`) into a value, skipping unknown fields.
    static func decode(from reader: inout JSONReader) throws(JSONError) -> Self
}
