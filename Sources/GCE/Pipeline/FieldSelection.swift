import JSON

/// Partial responses: the standard `fields` parameter (`kind,items(name,status),nextPageToken`, `items/name`).
///
/// Applied to the finished body by one more pass with `JSONReader`, copying only selected members; a selection
/// on an array applies to each element. Only requests that carry `fields` pay for it.
struct FieldSelection: Sendable {
    /// Selected member names; `nil` as a value selects the whole member.
    let members: [String: FieldSelection?]

    /// How deep a selection may reach (`a/b(c)` is three). Parsing, merging and freeing recurse once per level;
    /// JSON bodies are read at most 64 deep anyway.
    static let maxDepth = 32

    /// Parses a `fields` value; 400 for unbalanced parentheses, empty names or nesting past `maxDepth`.
    init(_ text: String) throws(GCEError) {
        var index = text.startIndex
        members = try Self.parseList(text, &index, closing: nil, depth: 0)
        guard index == text.endIndex else { throw Self.invalid(text) }
    }

    private init(members: [String: FieldSelection?]) { self.members = members }

    private static func parseList(_ text: String, _ index: inout String.Index, closing: Character?, depth: Int)
        throws(GCEError) -> [String: FieldSelection?]
    {
        var members: [String: FieldSelection?] = [:]
        while index < text.endIndex {
            var path: [String] = [""]
            var sub: [String: FieldSelection?]?
            while index < text.endIndex {
                let c = text[index]
                if c == "," || c == ")" { break }
                index = text.index(after: index)
                if c == "/" {
                    path.append("")
                    guard depth + path.count <= maxDepth else { throw tooDeep() }
                } else if c == "(" {
                    guard depth + path.count < maxDepth else { throw tooDeep() }
                    sub = try parseList(text, &index, closing: ")", depth: depth + path.count)
                    guard index < text.endIndex, text[index] == ")" else { throw invalid(text) }
                    index = text.index(after: index)
                } else if c != " " {
                    path[path.count - 1].append(c)
                }
            }
            guard path.allSatisfy({ !$0.isEmpty }) else { throw invalid(text) }
            var node: FieldSelection? = sub.map { FieldSelection(members: $0) }
            for name in path.dropFirst().reversed() { node = FieldSelection(members: [name: node]) }
            merge(&members, path[0], node)
            if index < text.endIndex, text[index] == "," {
                index = text.index(after: index)
            } else {
                break
            }
        }
        if closing == nil, index < text.endIndex { throw invalid(text) }
        return members
    }

    private static func merge(_ members: inout [String: FieldSelection?], _ name: String, _ node: FieldSelection?) {
        guard let existing = members[name] else {
            members[name] = node
            return
        }
        guard let old = existing, let new = node else {
            members[name] = .some(nil)
            return
        }
        var combined = old.members
        for (key, value) in new.members { merge(&combined, key, value) }
        members[name] = FieldSelection(members: combined)
    }

    private static func invalid(_ text: String) -> GCEError { GCEError.invalid("Invalid field selection \(text)") }

    private static func tooDeep() -> GCEError {
        GCEError.invalid("Invalid field selection: nested deeper than \(maxDepth) levels")
    }

    /// The selected part of a JSON document (the document itself if it cannot be read).
    func apply(to body: [UInt8]) -> [UInt8] {
        let result = try? JSONReader.read(body) { (reader: inout JSONReader) throws(JSONError) -> [UInt8] in
            var writer = JSONWriter(reservingCapacity: body.count)
            try copy(&reader, into: &writer)
            return writer.take()
        }
        return result ?? body
    }

    private func copy(_ reader: inout JSONReader, into writer: inout JSONWriter) throws(JSONError) {
        switch try reader.nextKind() {
        case .object:
            writer.beginObject()
            try reader.beginObject()
            while let key = try reader.nextKey() {
                let name = key.string
                guard let selection = members[name] else {
                    try reader.skip()
                    continue
                }
                writer.key(name)
                if let selection {
                    try selection.copy(&reader, into: &writer)
                } else {
                    writer.raw(try reader.rawValue())
                }
            }
            writer.endObject()
        case .array:
            writer.beginArray()
            try reader.beginArray()
            while try reader.nextElement() { try copy(&reader, into: &writer) }
            writer.endArray()
        default:
            writer.raw(try reader.rawValue())
        }
    }
}
