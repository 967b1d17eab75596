/// Typed reads of a request body's members for `decode`: a member of the wrong JSON type is a 400 naming its
/// path (`resource.disks[0].initializeParams.diskSizeGb`), never read as absent.
extension BodyValue {
    /// The body as an object (an empty body reads as `{}`); 400 for any other JSON value.
    func requireObject(_ path: String = "resource") throws(GCEError) -> BodyValue {
        guard case .object = self else { throw GCEError.invalid("Invalid JSON payload: '\(path)' must be an object") }
        return self
    }

    /// Member `name` as an object, or nil when absent or null.
    func object(_ name: String, at path: String) throws(GCEError) -> BodyValue? {
        switch self[name] {
        case nil, .null?: return nil
        case .object?: return self[name]
        default: throw Self.wrongType(path, "an object")
        }
    }

    /// Member `name` as a string, or nil when absent or null.
    func string(_ name: String, at path: String) throws(GCEError) -> String? {
        switch self[name] {
        case nil, .null?: return nil
        case .string(let value)?: return value
        default: throw Self.wrongType(path, "a string")
        }
    }

    /// Member `name` as a string; 400 `required` when absent.
    func requiredString(_ name: String, at path: String) throws(GCEError) -> String {
        guard let value = try string(name, at: path) else { throw GCEError.required(path) }
        return value
    }

    /// Member `name` as an int64, written as a number or a decimal string (protobuf JSON allows both).
    func int64(_ name: String, at path: String) throws(GCEError) -> Int64? {
        switch self[name] {
        case nil, .null?: return nil
        case .string(let text)?, .number(let text)?:
            guard let value = Int64(text) else { throw GCEError.invalid("Invalid value for field '\(path)': '\(text.prefix(64))'") }
            return value
        default: throw Self.wrongType(path, "an int64")
        }
    }

    /// Member `name` as an array (empty when absent or null).
    func array(_ name: String, at path: String) throws(GCEError) -> [BodyValue] {
        switch self[name] {
        case nil, .null?: return []
        case .array(let items)?: return items
        default: throw Self.wrongType(path, "an array")
        }
    }

    /// Member `name` as an array of strings (empty when absent or null).
    func strings(_ name: String, at path: String) throws(GCEError) -> [String] {
        try array(name, at: path).map { item throws(GCEError) in
            guard case .string(let value) = item else { throw Self.wrongType(path, "an array of strings") }
            return value
        }
    }

    /// Member `name` as a `map<string, string>` (labels), sorted by key; empty when absent or null.
    func stringMap(_ name: String, at path: String) throws(GCEError) -> [(key: String, value: String)] {
        guard let map = try object(name, at: path) else { return [] }
        return try map.members.map { key, value throws(GCEError) in
            guard case .string(let text) = value else { throw Self.wrongType("\(path).\(key)", "a string") }
            return (key, text)
        }.sorted { $0.key < $1.key }
    }

    /// Member `name` as a compute `Metadata` object's `items: [{key, value}]`; empty when absent or null.
    func metadataItems(at path: String) throws(GCEError) -> [(key: String, value: String)] {
        try array("items", at: "\(path).items").enumerated().map { index, item throws(GCEError) in
            let itemPath = "\(path).items[\(index)]"
            guard case .object = item else { throw Self.wrongType(itemPath, "an object") }
            return (try item.requiredString("key", at: "\(itemPath).key"), try item.string("value", at: "\(itemPath).value") ?? "")
        }
    }

    private static func wrongType(_ path: String, _ type: String) -> GCEError {
        GCEError.invalid("Invalid value for field '\(path)': must be \(type)")
    }
}
