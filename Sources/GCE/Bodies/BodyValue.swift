import JSON

/// A request body read with `JSONReader` into a small tree: bodies of inserts and set* calls are a few
/// hundred bytes, read once, and their shapes vary by method, so typed readers walk this tree.
indirect enum BodyValue: Sendable {
    case object([(String, BodyValue)])
    case array([BodyValue])
    case string(String)
    case number(String)
    case bool(Bool)
    case null

    /// Parses a whole body; 400 for anything that is not one JSON value.
    static func parse(_ body: [UInt8]) throws(GCEError) -> BodyValue {
        guard !body.isEmpty else { return .object([]) }
        do {
            return try JSONReader.read(body, maxDepth: 32) { (reader: inout JSONReader) throws(JSONError) -> BodyValue in
                let value = try read(&reader)
                try reader.finish()
                return value
            }
        } catch {
            throw GCEError(status: 400, reason: "parseError", message: "Invalid JSON payload received. \(error)")
        }
    }

    private static func read(_ reader: inout JSONReader) throws(JSONError) -> BodyValue {
        switch try reader.nextKind() {
        case .object:
            var members: [(String, BodyValue)] = []
            try reader.beginObject()
            while let key = try reader.nextKey() {
                let name = key.string
                members.append((name, try read(&reader)))
            }
            return .object(members)
        case .array:
            var items: [BodyValue] = []
            try reader.beginArray()
            while try reader.nextElement() { items.append(try read(&reader)) }
            return .array(items)
        case .string: return .string(try reader.string())
        case .number: return .number(try reader.numberLiteral())
        case .bool: return .bool(try reader.bool())
        case .null:
            _ = try reader.readNull()
            return .null
        }
    }

    /// Member `name` of an object.
    subscript(name: String) -> BodyValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.0 == name }?.1
    }

    /// The string value (numbers as their text, since protobuf JSON writes int64 as strings or numbers).
    var string: String? {
        switch self {
        case .string(let s): s
        case .number(let n): n
        default: nil
        }
    }

    /// An int64 value written as a number or a string.
    var int64: Int64? { string.flatMap { Int64($0) } }

    /// The elements of an array (empty for anything else).
    var array: [BodyValue] {
        if case .array(let items) = self { return items }
        return []
    }

    /// The members of an object (empty for anything else).
    var members: [(String, BodyValue)] {
        if case .object(let members) = self { return members }
        return []
    }
}
