/// An EC2 filter value: `*` matches any run of characters, `?` exactly one, `\` escapes the next
/// character (AWS: "you can use wildcards ... escape the special characters using a backslash").
/// Matching is case-sensitive, as EC2 filters are.
public struct WildcardPattern: Sendable, Equatable {
    enum Token: Sendable, Equatable {
        case literal(Character)
        case one
        case any
    }

    let tokens: [Token]
    /// The value without escapes if it has no wildcard, else `nil`: what an action may push down.
    public let exactValue: String?

    /// Compiles a filter value.
    public init(_ text: String) {
        var tokens: [Token] = []
        var exact = ""
        var hasWildcard = false
        var escaped = false
        for character in text {
            if escaped {
                tokens.append(.literal(character))
                exact.append(character)
                escaped = false
                continue
            }
            switch character {
            case "\\": escaped = true
            case "*":
                hasWildcard = true
                if tokens.last != .any { tokens.append(.any) }
            case "?":
                hasWildcard = true
                tokens.append(.one)
            default:
                tokens.append(.literal(character))
                exact.append(character)
            }
        }
        if escaped {
            tokens.append(.literal("\\"))
            exact.append("\\")
        }
        self.tokens = tokens
        self.exactValue = hasWildcard ? nil : exact
    }

    /// Whether `text` matches, in linear time per token (greedy with one backtrack point for `*`).
    public func matches(_ text: String) -> Bool {
        if let exactValue { return exactValue == text }
        let characters = Array(text)
        var t = 0
        var c = 0
        var star: Int?
        var starMatch = 0
        while c < characters.count {
            if t < tokens.count {
                switch tokens[t] {
                case .literal(let expected) where expected == characters[c]:
                    t += 1
                    c += 1
                    continue
                case .one:
                    t += 1
                    c += 1
                    continue
                case .any:
                    star = t
                    starMatch = c
                    t += 1
                    continue
                default:
                    break
                }
            }
            guard let star else { return false }
            t = star + 1
            starMatch += 1
            c = starMatch
        }
        while t < tokens.count, tokens[t] == .any { t += 1 }
        return t == tokens.count
    }
}
