/// Parses the Mustache subset into `TemplateNode`s, reporting template name and line on errors.
///
/// Supported: `{{name}}`, `{{a.b}}`, `{{{name}}}`, `{{& name}}`, `{{#name}}`, `{{^name}}`, `{{/name}}`,
/// `{{>Partial}}`, `{{! comment }}`. Not supported (a clear error): `{{=<% %>=}}` delimiter changes.
///
/// EC2 XML need not be pretty, so any whitespace run in literal text that contains a newline is
/// layout and is dropped; other whitespace, and everything in values, is kept.
struct TemplateParser {
    private let name: String
    private let bytes: [UInt8]
    private var index = 0
    private var line = 1

    /// Parses `source`, naming it `name` in errors.
    static func parse(_ source: String, name: String) throws(TemplateError) -> [TemplateNode] {
        var parser = TemplateParser(name: name, bytes: Array(source.utf8))
        return try parser.parseAll()
    }

    private init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }

    private struct OpenSection {
        var name: String
        var inverted: Bool
        var line: Int
        var nodes: [TemplateNode] = []
    }

    private mutating func parseAll() throws(TemplateError) -> [TemplateNode] {
        var stack = [OpenSection(name: "", inverted: false, line: 0)]
        while index < bytes.count {
            let text = scanText()
            if !text.isEmpty { stack[stack.count - 1].nodes.append(.text(text)) }
            guard index < bytes.count else { break }
            let tagLine = line
            let tag = try scanTag()
            switch tag {
            case .comment:
                break
            case .value(let path, let escaped):
                stack[stack.count - 1].nodes.append(.value(path: path, escaped: escaped, line: tagLine))
            case .partial(let partial):
                stack[stack.count - 1].nodes.append(.partial(name: partial, line: tagLine))
            case .open(let section, let inverted):
                stack.append(OpenSection(name: section, inverted: inverted, line: tagLine))
            case .close(let section):
                guard stack.count > 1, let open = stack.popLast() else {
                    throw error("{{/\(section)}} closes no open section", line: tagLine)
                }
                guard open.name == section else {
                    let sigil = open.inverted ? "^" : "#"
                    throw error("{{/\(section)}} does not close {{\(sigil)\(open.name)}} opened on line \(open.line)", line: tagLine)
                }
                stack[stack.count - 1].nodes.append(
                    .section(name: open.name, inverted: open.inverted, body: open.nodes, line: open.line))
            }
        }
        if stack.count > 1, let open = stack.last {
            let sigil = open.inverted ? "^" : "#"
            throw error("{{\(sigil)\(open.name)}} is never closed", line: open.line)
        }
        return stack[0].nodes
    }

    private enum Tag {
        case comment
        case value(path: [String], escaped: Bool)
        case open(String, inverted: Bool)
        case close(String)
        case partial(String)
    }

    /// Literal text up to the next `{{`, with layout whitespace removed.
    private mutating func scanText() -> [UInt8] {
        var text: [UInt8] = []
        var pendingSpace: [UInt8] = []
        var pendingHasNewline = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "{"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "{") { break }
            index += 1
            if byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A {
                if byte == 0x0A {
                    line += 1
                    pendingHasNewline = true
                }
                pendingSpace.append(byte)
                continue
            }
            if !pendingHasNewline { text.append(contentsOf: pendingSpace) }
            pendingSpace.removeAll(keepingCapacity: true)
            pendingHasNewline = false
            text.append(byte)
        }
        if !pendingHasNewline { text.append(contentsOf: pendingSpace) }
        return text
    }

    /// One `{{…}}` tag; `index` is at its opening braces.
    private mutating func scanTag() throws(TemplateError) -> Tag {
        let tagLine = line
        index += 2
        let triple = index < bytes.count && bytes[index] == UInt8(ascii: "{")
        if triple { index += 1 }
        let closer: [UInt8] = triple ? Array("}}}".utf8) : Array("}}".utf8)
        let start = index
        while index < bytes.count, !bytes[index...].starts(with: closer) {
            if bytes[index] == 0x0A { line += 1 }
            index += 1
        }
        guard index < bytes.count else {
            throw error("tag opened with \(triple ? "{{{" : "{{") is never closed", line: tagLine)
        }
        let content = String(decoding: bytes[start..<index], as: UTF8.self)
        index += closer.count
        if triple { return .value(path: try path(trimmed(content), line: tagLine), escaped: false) }
        let tag = trimmed(content)
        guard let sigil = tag.first else { throw error("empty tag {{}}", line: tagLine) }
        let rest = trimmed(String(tag.dropFirst()))
        switch sigil {
        case "!": return .comment
        case "&": return .value(path: try path(rest, line: tagLine), escaped: false)
        case "#": return .open(try plainName(rest, line: tagLine), inverted: false)
        case "^": return .open(try plainName(rest, line: tagLine), inverted: true)
        case "/": return .close(try plainName(rest, line: tagLine))
        case ">": return .partial(try plainName(rest, line: tagLine))
        case "=": throw error("delimiter changes {{=…=}} are not supported", line: tagLine)
        default: return .value(path: try path(tag, line: tagLine), escaped: true)
        }
    }

    /// A section or partial name: one component, no dots (sections bind to the current model's own fields).
    private func plainName(_ name: String, line: Int) throws(TemplateError) -> String {
        let components = try path(name, line: line)
        guard components.count == 1 else {
            throw error("'\(name)': dotted names are for values only; nest sections instead", line: line)
        }
        return components[0]
    }

    private func path(_ name: String, line: Int) throws(TemplateError) -> [String] {
        if name == "." { return ["."] }
        guard !name.isEmpty else { throw error("empty name in tag", line: line) }
        guard
            !name.utf8.contains(where: {
                $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "}")
            })
        else {
            throw error("'\(name)' is not a valid name", line: line)
        }
        let components = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !components.contains(where: \.isEmpty) else { throw error("'\(name)' has an empty component", line: line) }
        return components
    }

    private func trimmed(_ text: String) -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = text.firstIndex(where: { !isSpace($0) }), let last = text.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(text[first...last])
    }

    private func error(_ message: String, line: Int) -> TemplateError {
        TemplateError(template: name, line: line, message: message)
    }
}
