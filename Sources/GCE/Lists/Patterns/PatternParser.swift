/// Parses RE2 syntax into a `PatternNode`, refusing what RE2 refuses and what a linear-time engine cannot run.
///
/// Supported: literals, `.`, `[...]` with ranges, negation, escapes and `[:alpha:]`-style classes, `\d \w \s`
/// and their negations, `\b \B \A \z ^ $`, `* + ? {m} {m,} {m,n}` (counts up to 1000, lazy `?` suffix
/// accepted), `|`, groups `(...)`, `(?:...)`, `(?P<name>...)`, `(?<name>...)`, and the flags `i m s U` as
/// `(?flags)` or `(?flags:...)`. Backreferences and lookaround are refused: they cannot run in linear time.
struct PatternParser {
    /// Group nesting allowed; the parser recurses once per level.
    static let maxDepth = 32
    /// Longest pattern text, in scalars.
    static let maxLength = 2048
    /// Largest repetition count, as RE2 (`kMaxRepeat`).
    static let maxRepeat = 1000

    private struct Flags {
        var foldCase = false
        var multiLine = false
        var dotMatchesNewline = false
    }

    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var flags = Flags()

    private init(_ text: String) { scalars = Array(text.unicodeScalars) }

    /// The tree of `text`.
    static func parse(_ text: String) throws(PatternSyntaxError) -> PatternNode {
        var parser = PatternParser(text)
        guard parser.scalars.count <= maxLength else { throw PatternSyntaxError("pattern too large") }
        let node = try parser.parseAlternation(depth: 0)
        if parser.index < parser.scalars.count {
            // Only an unmatched `)` stops the top level early.
            throw PatternSyntaxError("unexpected )")
        }
        return node
    }

    private var peek: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    private func peek(_ offset: Int) -> Unicode.Scalar? {
        index + offset < scalars.count ? scalars[index + offset] : nil
    }

    private mutating func parseAlternation(depth: Int) throws(PatternSyntaxError) -> PatternNode {
        var branches = [try parseConcatenation(depth: depth)]
        while peek == "|" {
            index += 1
            branches.append(try parseConcatenation(depth: depth))
        }
        return branches.count == 1 ? branches[0] : .alternate(branches)
    }

    private mutating func parseConcatenation(depth: Int) throws(PatternSyntaxError) -> PatternNode {
        var parts: [PatternNode] = []
        while let c = peek, c != "|", c != ")" {
            guard let primary = try parsePrimary(depth: depth) else { continue }
            parts.append(try parseRepetition(of: primary))
        }
        switch parts.count {
        case 0: return .empty
        case 1: return parts[0]
        default: return .concat(parts)
        }
    }

    private mutating func parseRepetition(of node: PatternNode) throws(PatternSyntaxError) -> PatternNode {
        guard let (min, max) = try repetitionOperator() else { return node }
        if peek == "?" { index += 1 }  // lazy: the same set of matches for a full-match test
        if try repetitionOperator(consume: false) != nil { throw PatternSyntaxError("bad repetition operator") }
        return .repetition(node, min: min, max: max)
    }

    /// `*`, `+`, `?` or a well-formed `{m,n}` at the current position; `{` not forming a count is a literal.
    private mutating func repetitionOperator(consume: Bool = true) throws(PatternSyntaxError) -> (Int, Int?)? {
        let start = index
        defer { if !consume { index = start } }
        switch peek {
        case "*":
            index += 1
            return (0, nil)
        case "+":
            index += 1
            return (1, nil)
        case "?":
            index += 1
            return (0, 1)
        case "{":
            index += 1
            guard let min = try count() else {
                index = start
                return nil
            }
            var max: Int? = min
            if peek == "," {
                index += 1
                max = peek == "}" ? nil : try count()
                if max == nil, peek != "}" {
                    index = start
                    return nil
                }
            }
            guard peek == "}" else {
                index = start
                return nil
            }
            index += 1
            if let max, max < min { throw PatternSyntaxError("bad repetition operator") }
            return (min, max)
        default:
            return nil
        }
    }

    /// Decimal digits, at most `maxRepeat` (more is RE2's "bad repetition operator").
    private mutating func count() throws(PatternSyntaxError) -> Int? {
        var value = 0
        var digits = 0
        while let c = peek, c.isASCII, let digit = Int(String(c)) {
            value = value * 10 + digit
            digits += 1
            index += 1
            if value > Self.maxRepeat { throw PatternSyntaxError("bad repetition operator") }
        }
        return digits == 0 ? nil : value
    }

    /// One atom, assertion or group; `nil` when a flag group like `(?i)` only changed the flags.
    private mutating func parsePrimary(depth: Int) throws(PatternSyntaxError) -> PatternNode? {
        guard let c = peek else { throw PatternSyntaxError("unexpected end") }
        switch c {
        case "(":
            return try parseGroup(depth: depth + 1)
        case "[":
            index += 1
            let (ranges, negated) = try parseClass()
            // A negated class was complemented after its ASCII case variants were added; folding the
            // complement again at match time would let `(?i)[^a]` match `A`.
            return .atom(PatternAtom(ranges: ranges, foldCase: flags.foldCase && !negated))
        case ".":
            index += 1
            return .atom(.any(dotMatchesNewline: flags.dotMatchesNewline))
        case "^":
            index += 1
            return .assertion(flags.multiLine ? .beginLine : .beginText)
        case "$":
            index += 1
            return .assertion(flags.multiLine ? .endLine : .endText)
        case "\\":
            return try parseEscape()
        case "*", "+", "?":
            throw PatternSyntaxError("missing argument to repetition operator")
        case "{":
            if try repetitionOperator(consume: false) != nil {
                throw PatternSyntaxError("missing argument to repetition operator")
            }
            index += 1
            return .atom(PatternAtom(c, foldCase: flags.foldCase))
        default:
            index += 1
            return .atom(PatternAtom(c, foldCase: flags.foldCase))
        }
    }

    private mutating func parseGroup(depth: Int) throws(PatternSyntaxError) -> PatternNode? {
        guard depth <= Self.maxDepth else { throw PatternSyntaxError("pattern nesting too deep") }
        index += 1  // (
        let saved = flags
        if peek == "?" {
            index += 1
            switch peek {
            case "=", "!":
                throw PatternSyntaxError("lookahead is not supported")
            case "<" where peek(1) == "=" || peek(1) == "!":
                throw PatternSyntaxError("lookbehind is not supported")
            case "P", "<":
                if peek == "P" { index += 1 }
                guard peek == "<" else { throw PatternSyntaxError("invalid named capture group") }
                index += 1
                var name = 0
                while let n = peek, n != ">" {
                    guard n.isASCII, n == "_" || PatternAtom.contains(PatternAtom.word, n.value) else {
                        throw PatternSyntaxError("invalid named capture group")
                    }
                    name += 1
                    index += 1
                }
                guard peek == ">", name > 0 else { throw PatternSyntaxError("invalid named capture group") }
                index += 1
            default:
                // Flags: `(?i)` changes the enclosing group from here on; `(?i:...)` only its own body.
                var negate = false
                var sawFlag = false
                flagLoop: while true {
                    switch peek {
                    case "i": flags.foldCase = !negate
                    case "m": flags.multiLine = !negate
                    case "s": flags.dotMatchesNewline = !negate
                    case "U": break  // ungreedy: the same set of full matches
                    case "-" where !negate: negate = true
                    case ")" where sawFlag:
                        index += 1
                        return nil
                    case ":": break flagLoop
                    default: throw PatternSyntaxError("missing argument to repetition operator or invalid group flags")
                    }
                    if peek != "-" { sawFlag = true }
                    index += 1
                }
                index += 1  // :
            }
        }
        let body = try parseAlternation(depth: depth)
        guard peek == ")" else { throw PatternSyntaxError("missing closing )") }
        index += 1
        flags = saved
        return body
    }

    /// `\` outside a class.
    private mutating func parseEscape() throws(PatternSyntaxError) -> PatternNode {
        index += 1
        guard let c = peek else { throw PatternSyntaxError("trailing \\") }
        switch c {
        case "b":
            index += 1
            return .assertion(.wordBoundary)
        case "B":
            index += 1
            return .assertion(.notWordBoundary)
        case "A":
            index += 1
            return .assertion(.beginText)
        case "z":
            index += 1
            return .assertion(.endText)
        default:
            return .atom(PatternAtom(ranges: try escapeRanges(), foldCase: flags.foldCase))
        }
    }

    /// The scalars of an escape that consumes one scalar (`\d`, `\.`, `\x41`, `\n`), after the backslash.
    private mutating func escapeRanges() throws(PatternSyntaxError) -> [ClosedRange<UInt32>] {
        guard let c = peek else { throw PatternSyntaxError("trailing \\") }
        index += 1
        switch c {
        case "d": return PatternAtom.digit
        case "D": return PatternAtom.complement(PatternAtom.digit)
        case "w": return PatternAtom.word
        case "W": return PatternAtom.complement(PatternAtom.word)
        case "s": return PatternAtom.space
        case "S": return PatternAtom.complement(PatternAtom.space)
        case "n": return [0x0A...0x0A]
        case "t": return [0x09...0x09]
        case "r": return [0x0D...0x0D]
        case "f": return [0x0C...0x0C]
        case "v": return [0x0B...0x0B]
        case "a": return [0x07...0x07]
        case "x":
            let value = try hexEscape()
            return [value...value]
        case "1"..."9":
            throw PatternSyntaxError("backreferences are not supported")
        case "p", "P":
            throw PatternSyntaxError("Unicode classes \\p are not supported")
        default:
            // RE2 allows any punctuation to be escaped and refuses unknown letter and digit escapes.
            guard c.isASCII, !PatternAtom.contains(PatternAtom.word, c.value), c.value >= 0x20 else {
                throw PatternSyntaxError("invalid escape sequence \\\(c)")
            }
            return [c.value...c.value]
        }
    }

    /// `\xHH` or `\x{H...}` after the `x`.
    private mutating func hexEscape() throws(PatternSyntaxError) -> UInt32 {
        let braced = peek == "{"
        if braced { index += 1 }
        var value: UInt32 = 0
        var digits = 0
        while let c = peek, let digit = c.isASCII ? UInt32(String(c), radix: 16) : nil, braced || digits < 2 {
            value = value * 16 + digit
            digits += 1
            index += 1
            guard value <= 0x10FFFF else { throw PatternSyntaxError("invalid escape sequence \\x") }
        }
        if braced {
            guard peek == "}" else { throw PatternSyntaxError("invalid escape sequence \\x") }
            index += 1
        }
        guard digits > 0, braced || digits == 2, Unicode.Scalar(value) != nil else {
            throw PatternSyntaxError("invalid escape sequence \\x")
        }
        return value
    }

    /// `[...]` after the `[`.
    private mutating func parseClass() throws(PatternSyntaxError) -> (ranges: [ClosedRange<UInt32>], negated: Bool) {
        var negated = false
        if peek == "^" {
            negated = true
            index += 1
        }
        var ranges: [ClosedRange<UInt32>] = []
        var first = true
        while true {
            guard let c = peek else { throw PatternSyntaxError("missing closing ]") }
            if c == "]" && !first { break }
            first = false
            if c == "[", peek(1) == ":" {
                ranges.append(contentsOf: try posixClass())
                continue
            }
            let low = try classMember()
            guard case .single(let lowValue) = low else {
                if case .set(let set) = low { ranges.append(contentsOf: set) }
                continue
            }
            if peek == "-", let after = peek(1), after != "]" {
                index += 1
                guard case .single(let highValue) = try classMember(), lowValue <= highValue else {
                    throw PatternSyntaxError("bad character class range")
                }
                ranges.append(lowValue...highValue)
            } else {
                ranges.append(lowValue...lowValue)
            }
        }
        index += 1  // ]
        if flags.foldCase { ranges = PatternAtom.withASCIICaseVariants(ranges) }
        return (negated ? PatternAtom.complement(ranges) : PatternAtom.normalized(ranges), negated)
    }

    private enum ClassMember {
        case single(UInt32)
        case set([ClosedRange<UInt32>])
    }

    private mutating func classMember() throws(PatternSyntaxError) -> ClassMember {
        guard let c = peek else { throw PatternSyntaxError("missing closing ]") }
        guard c == "\\" else {
            index += 1
            return .single(c.value)
        }
        index += 1
        let ranges = try escapeRanges()
        if ranges.count == 1, ranges[0].lowerBound == ranges[0].upperBound { return .single(ranges[0].lowerBound) }
        return .set(ranges)
    }

    /// `[:name:]` or `[:^name:]` inside a class.
    private mutating func posixClass() throws(PatternSyntaxError) -> [ClosedRange<UInt32>] {
        index += 2  // [:
        var name = ""
        while let c = peek, c != ":" {
            name.unicodeScalars.append(c)
            index += 1
            guard name.unicodeScalars.count <= 8 else { throw PatternSyntaxError("invalid character class range") }
        }
        guard peek == ":", peek(1) == "]" else { throw PatternSyntaxError("invalid character class range") }
        index += 2
        let negated = name.hasPrefix("^")
        if negated { name.removeFirst() }
        let ranges: [ClosedRange<UInt32>]
        switch name {
        case "alpha": ranges = [0x41...0x5A, 0x61...0x7A]
        case "digit": ranges = PatternAtom.digit
        case "alnum": ranges = [0x30...0x39, 0x41...0x5A, 0x61...0x7A]
        case "word": ranges = PatternAtom.word
        case "upper": ranges = [0x41...0x5A]
        case "lower": ranges = [0x61...0x7A]
        case "space": ranges = [0x09...0x0D, 0x20...0x20]
        case "xdigit": ranges = [0x30...0x39, 0x41...0x46, 0x61...0x66]
        case "punct": ranges = [0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E]
        case "blank": ranges = [0x09...0x09, 0x20...0x20]
        case "cntrl": ranges = [0x00...0x1F, 0x7F...0x7F]
        case "print": ranges = [0x20...0x7E]
        case "graph": ranges = [0x21...0x7E]
        case "ascii": ranges = [0x00...0x7F]
        default: throw PatternSyntaxError("invalid character class range")
        }
        return negated ? PatternAtom.complement(ranges) : ranges
    }
}
