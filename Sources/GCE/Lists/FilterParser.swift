/// Recursive-descent parser for `ListFilter`: `or := and (OR and)*`, `and := unary ((AND)? unary)*`,
/// `unary := (NOT|-)? primary`, `primary := '(' or ')' | field op value`.
///
/// The parser recurses once per `(`, so nesting is capped at `maxDepth`; a deeper filter is a 400, not a stack
/// overflow.
struct FilterParser {
    /// Parentheses allowed inside one another.
    static let maxDepth = 32

    private var tokens: [String] = []
    private var index = 0
    private var depth = 0

    init(_ text: String) {
        var tokens: [String] = []
        var chars = Array(text)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == " " || c == "\t" || c == "\n" {
                i += 1
            } else if c == "(" || c == ")" || c == ":" {
                tokens.append(String(c))
                i += 1
            } else if c == "!" && i + 1 < chars.count && chars[i + 1] == "=" {
                tokens.append("!=")
                i += 2
            } else if c == "=" {
                tokens.append("=")
                i += 1
            } else if c == "\"" || c == "'" {
                var j = i + 1
                var value = "\u{1}"
                while j < chars.count, chars[j] != c {
                    if chars[j] == "\\", j + 1 < chars.count { j += 1 }
                    value.append(chars[j])
                    j += 1
                }
                tokens.append(value)
                i = j + 1
            } else {
                var j = i
                var value = ""
                while j < chars.count, !" \t\n()=:\"'".contains(chars[j]), !(chars[j] == "!" && j + 1 < chars.count && chars[j + 1] == "=")
                {
                    value.append(chars[j])
                    j += 1
                }
                tokens.append(value)
                i = j
            }
        }
        chars.removeAll()
        self.tokens = tokens
    }

    mutating func parse() throws(GCEError) -> ListFilter {
        guard !tokens.isEmpty else { return .all }
        let filter = try parseOr()
        guard index == tokens.count else { throw Self.invalid("unexpected '\(Self.text(tokens[index]))'") }
        return filter
    }

    private mutating func parseOr() throws(GCEError) -> ListFilter {
        var terms = [try parseAnd()]
        while peek == "OR" {
            index += 1
            terms.append(try parseAnd())
        }
        return terms.count == 1 ? terms[0] : .or(terms)
    }

    private mutating func parseAnd() throws(GCEError) -> ListFilter {
        var terms = [try parseUnary()]
        while let next = peek, next != ")", next != "OR" {
            if next == "AND" { index += 1 }
            terms.append(try parseUnary())
        }
        return terms.count == 1 ? terms[0] : .and(terms)
    }

    private mutating func parseUnary() throws(GCEError) -> ListFilter {
        if peek == "NOT" {
            index += 1
            return .not(try parsePrimary())
        }
        if let next = peek, next.hasPrefix("-"), next.count > 1 {
            tokens[index] = String(next.dropFirst())
            return .not(try parsePrimary())
        }
        return try parsePrimary()
    }

    private mutating func parsePrimary() throws(GCEError) -> ListFilter {
        guard let token = next() else { throw Self.invalid("unexpected end") }
        if token == "(" {
            depth += 1
            guard depth <= Self.maxDepth else { throw Self.invalid("parentheses nested deeper than \(Self.maxDepth)") }
            let inner = try parseOr()
            guard next() == ")" else { throw Self.invalid("missing ')'") }
            depth -= 1
            return inner
        }
        guard !token.hasPrefix("\u{1}") else { throw Self.invalid("a field name must come first") }
        guard let op = next() else { throw Self.invalid("missing operator after \(token)") }
        guard let value = next(), value != ")", value != "(" else { throw Self.invalid("missing value after \(token) \(op)") }
        let literal = Self.text(value)
        switch op {
        case "=": return .compare(field: token, op: .equals, value: literal)
        case "!=": return .compare(field: token, op: .notEquals, value: literal)
        case ":": return .compare(field: token, op: .has, value: literal)
        case "eq", "ne":
            do {
                return .regex(field: token, pattern: try Pattern(literal), negated: op == "ne")
            } catch {
                throw Self.invalid("invalid regular expression '\(literal)': \(error.reason)")
            }
        default: throw Self.invalid("unknown operator \(op)")
        }
    }

    private var peek: String? { index < tokens.count ? tokens[index] : nil }

    private mutating func next() -> String? {
        defer { index += 1 }
        return peek
    }

    /// Quoted tokens carry a \u{1} marker so `"AND"` stays a value.
    private static func text(_ token: String) -> String { token.hasPrefix("\u{1}") ? String(token.dropFirst()) : token }

    private static func invalid(_ why: String) -> GCEError { GCEError.invalid("Invalid value for field 'filter': \(why)") }
}
