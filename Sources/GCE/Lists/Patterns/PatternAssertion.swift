/// A zero-width condition RE2 supports: text and line anchors and word boundaries.
enum PatternAssertion: Sendable, Equatable {
    case beginText, endText, beginLine, endLine, wordBoundary, notWordBoundary

    /// Whether the condition holds between `previous` and `next` (`nil`: the edge of the text).
    func holds(previous: Unicode.Scalar?, next: Unicode.Scalar?) -> Bool {
        switch self {
        case .beginText: previous == nil
        case .endText: next == nil
        case .beginLine: previous == nil || previous == "\n"
        case .endLine: next == nil || next == "\n"
        case .wordBoundary: Self.isWord(previous) != Self.isWord(next)
        case .notWordBoundary: Self.isWord(previous) == Self.isWord(next)
        }
    }

    /// RE2's `\b` looks at ASCII word characters only (`[0-9A-Za-z_]`).
    private static func isWord(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        return PatternAtom.contains(PatternAtom.word, scalar.value)
    }
}
