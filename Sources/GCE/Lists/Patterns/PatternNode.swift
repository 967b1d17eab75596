/// A parsed regular expression: what `PatternParser` builds and `PatternProgram` compiles.
///
/// Sequences and alternatives are arrays, so the tree is only as deep as the pattern's group nesting,
/// which the parser bounds.
indirect enum PatternNode: Sendable {
    /// Matches the empty string.
    case empty
    /// Consumes one scalar that the atom accepts.
    case atom(PatternAtom)
    /// Consumes nothing; holds where the condition holds.
    case assertion(PatternAssertion)
    /// Each part in turn.
    case concat([PatternNode])
    /// Any one of the branches.
    case alternate([PatternNode])
    /// `node` repeated `min` to `max` times (`max == nil`: unbounded).
    case repetition(PatternNode, min: Int, max: Int?)
}
