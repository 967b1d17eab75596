/// A list `filter` in either of Google's forms, parsed once per request.
///
/// Legacy: `name eq 'web-.*'`, `status ne RUNNING`, several as `(a eq x)(b eq y)` (all must hold); values are
/// RE2-style regular expressions matched against the whole field. Current: `name = "x"`, `name != "x"`,
/// `labels.env = prod`, `name:"web"` (contains), `AND`, `OR`, `NOT`/`-`, parentheses; `*` in `=` values is a
/// wildcard. A field a resource lacks compares as absent: `=` fails, `!=` holds.
indirect enum ListFilter {
    case all
    case compare(field: String, op: Operator, value: String)
    /// `eq`/`ne`: the regular expression is compiled once, when the filter is parsed.
    case regex(field: String, regex: Regex<AnyRegexOutput>, negated: Bool)
    case and(ListFilter, ListFilter)
    case or(ListFilter, ListFilter)
    case not(ListFilter)

    enum Operator: Sendable {
        case equals, notEquals, has
    }

    /// Parses `text`; an empty filter matches everything.
    init(_ text: String) throws(GCEError) {
        var parser = FilterParser(text)
        self = try parser.parse()
    }

    /// Whether `item` passes.
    func matches(_ item: some Filterable) -> Bool {
        switch self {
        case .all: return true
        case .and(let a, let b): return a.matches(item) && b.matches(item)
        case .or(let a, let b): return a.matches(item) || b.matches(item)
        case .not(let a): return !a.matches(item)
        case .regex(let field, let regex, let negated):
            let matched = item.filterValue(field).map { (try? regex.wholeMatch(in: $0)) != nil } ?? false
            return matched != negated
        case .compare(let field, let op, let value):
            let actual = item.filterValue(field)
            switch op {
            case .equals: return actual.map { Self.wildcard(value, matches: $0) } ?? false
            case .notEquals: return !(actual.map { Self.wildcard(value, matches: $0) } ?? false)
            case .has: return actual.map { value == "*" || $0.contains(value) } ?? false
            }
        }
    }

    /// `*` matches any run of characters; everything else literally.
    static func wildcard(_ pattern: String, matches text: String) -> Bool {
        guard pattern.contains("*") else { return pattern == text }
        let parts = pattern.split(separator: "*", omittingEmptySubsequences: false)
        var rest = Substring(text)
        for (index, part) in parts.enumerated() {
            if index == 0 {
                guard rest.hasPrefix(part) else { return false }
                rest = rest.dropFirst(part.count)
            } else if index == parts.count - 1 {
                return part.isEmpty || rest.hasSuffix(part)
            } else if let range = rest.firstRange(of: part) {
                rest = rest[range.upperBound...]
            } else {
                return false
            }
        }
        return rest.isEmpty
    }
}
