public import JSON

/// A `SuccessResponse`: `{"success":true}` with optional `displaytext` (sync) or `details` (job result).
public struct SuccessResult: CloudStackDecodable, Equatable {
    /// `success`; old servers send the string `"true"`.
    public var success: Bool = false
    /// `displaytext` or `details`, when the server set one.
    public var displaytext: String?

    /// Creates a result.
    public init(success: Bool = false, displaytext: String? = nil) {
        self.success = success
        self.displaytext = displaytext
    }

    /// Decodes the object.
    public static func decode(from reader: inout JSONReader) throws(JSONError) -> Self {
        var value = Self()
        try decodeMembers(into: &value, from: &reader)
        return value
    }

    /// Reads the members into `value`; separate from `decode` so the result is moved, not copied.
    static func decodeMembers(into value: inout Self, from reader: inout JSONReader) throws(JSONError) {
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "success": value.success = try reader.flag() ?? false
            case "displaytext", "details": value.displaytext = try reader.text()
            default: try reader.skip()
            }
        }
    }
}
