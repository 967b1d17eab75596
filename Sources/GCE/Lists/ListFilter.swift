/// A list `filter` in either of Google's forms, parsed once per request.
///
/// Legacy: `name eq 'web-.*'`, `status ne RUNNING`, several as `(a eq x)(b eq y)` (all must hold); values are
/// RE2-style regular expressions matched against the whole field. Current: `name = "x"`, `name != "x"`,
/// `labels.env = prod`, `name:"web"` (contains), `AND`, `OR`, `NOT`/`-`, parentheses; `*` in `=` values is a
/// wildcard. A field a resource lacks compares as absent: `=` fails, `!=` holds.
///
/// `and`/`or` hold their operands as arrays, so the tree is as deep as the parentheses, which `FilterParser`
/// bounds: matching and freeing the tree recurse once per level.
indirect enum ListFilter: Sendable {
    case all
    case compare(field: String, op: Operator, value: String)
    /// `eq`/`ne`: the RE2 expression is compiled once, when the filter is parsed, and runs in linear time.
    case regex(field: String, pattern: Pattern, negated: Bool)
    case and([ListFilter])
    case or([ListFilter])
    case not(ListFilter)

    enum Operator: Sendable {
        case equals, notEquals, has
    }

    /// Parses `text`; an empty filter matches everything.
    init(_ text: String) throws(GCEError) {
        var parser = FilterParser(text)
        self = try parser.parse()
    }

    /// Whether `item` passes, with no step budget (one item; lists use `matches(_:budget:)`).
    func matches(_ item: some Filterable) -> Bool {
        var budget = Int.max
        return (try? matches(item, budget: &budget)) ?? false
    }

    /// Whether `item` passes, charging regular-expression steps to `budget`; 400 once it is spent.
    ///
    /// Each pattern runs in linear time, but a list is many items: the budget bounds the whole request's work on
    /// the loop thread by a step count, so the same filter over the same list always gets the same answer.
    func matches(_ item: some Filterable, budget: inout Int) throws(GCEError) -> Bool {
        switch self {
        case .all: return true
        case .and(let terms):
            for term in terms where !(try term.matches(item, budget: &budget)) { return false }
            return true
        case .or(let terms):
            for term in terms where try term.matches(item, budget: &budget) { return true }
            return false
        case .not(let a): return !(try a.matches(item, budget: &budget))
        case .regex(let field, let pattern, let negated):
            guard let value = item.filterValue(field) else { return negated }
            let (matched, steps) = pattern.run(value, budget: budget)
            guard let matched else {
                throw GCEError.invalid(
                    "Invalid value for field 'filter': the regular expression '\(pattern.source.prefix(128))' is too costly "
                        + "to evaluate over this list; use a simpler expression")
            }
            budget -= steps
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
