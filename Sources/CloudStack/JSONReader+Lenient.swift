public import JSON

// CloudStack's JSON is loosely typed: `"success":"true"`, `"primarystorageavailable":"Unlimited"` where
// listApis says long, `{}` where a list was expected. A field of a surprising kind is read as absent
// rather than failing the whole answer; only malformed JSON throws.
extension JSONReader {
    /// A string field; numbers and booleans are kept as their literal text, objects and arrays skipped.
    ///
    /// Always inlined into the models' decoders: most fields are strings, so the string case is
    /// tested first, on the raw byte, before any kind dispatch.
    @inline(__always)
    public mutating func text() throws(JSONError) -> String? {
        if try peekString() { return try string() }
        let kind = try nextKind()
        switch kind {
        case .string: return try string()
        case .number: return try numberLiteral()
        case .bool: return try bool() ? "true" : "false"
        case .null:
            _ = try readNull()
            return nil
        case .object, .array:
            try skip()
            return nil
        }
    }

    /// A boolean field; also accepts the strings `"true"`/`"false"` and the numbers 0/1.
    public mutating func flag() throws(JSONError) -> Bool? {
        switch try nextKind() {
        case .bool: return try bool()
        case .string:
            switch try string().lowercased() {
            case "true": return true
            case "false": return false
            default: return nil
            }
        case .number:
            guard let number = try? decimalNumber() else { return nil }
            return number != 0
        default:
            try skip()
            return nil
        }
    }

    /// An integer field; also accepts integral doubles and numeric strings (`"Unlimited"` is absent).
    public mutating func integer() throws(JSONError) -> Int64? {
        switch try nextKind() {
        case .number:
            return try integralNumber()
        case .string:
            let text = try string()
            return Int64(text) ?? Double(text).flatMap { Int64(exactly: $0.rounded(.towardZero)) }
        default:
            try skip()
            return nil
        }
    }

    /// A floating-point field; also accepts numeric strings.
    public mutating func decimal() throws(JSONError) -> Double? {
        switch try nextKind() {
        case .number: return try double()
        case .string: return Double(try string())
        default:
            try skip()
            return nil
        }
    }

    private mutating func decimalNumber() throws(JSONError) -> Double { try double() }

    /// A list of objects; CloudStack sometimes sends one object, or `{}` for none, instead of an array.
    public mutating func objects<T: CloudStackDecodable>(_ type: T.Type) throws(JSONError) -> [T] {
        switch try nextKind() {
        case .array:
            var items: [T] = []
            try beginArray()
            while try nextElement() {
                if try nextKind() == .object {
                    items.append(try T.decode(from: &self))
                } else {
                    try skip()
                }
            }
            return items
        case .object:
            var probe = self
            try probe.beginObject()
            if try probe.nextKey() == nil {
                self = probe
                return []
            }
            return [try T.decode(from: &self)]
        default:
            try skip()
            return []
        }
    }

    /// A list of strings (e.g. `virtualmachineids`); a lone string is a one-element list.
    public mutating func texts() throws(JSONError) -> [String] {
        switch try nextKind() {
        case .array:
            var items: [String] = []
            try beginArray()
            while try nextElement() {
                if let item = try text() { items.append(item) }
            }
            return items
        case .string:
            return [try string()]
        default:
            try skip()
            return []
        }
    }

    /// A `map` field (e.g. `details`) as string pairs; non-string values are kept as literal text.
    public mutating func textMap() throws(JSONError) -> [String: String] {
        guard try nextKind() == .object else {
            try skip()
            return [:]
        }
        var map: [String: String] = [:]
        try beginObject()
        while let key = try nextKey() {
            let name = key.string
            if let value = try text() { map[name] = value }
        }
        return map
    }
}
