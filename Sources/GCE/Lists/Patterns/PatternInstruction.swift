/// One instruction of a compiled pattern (Thompson's construction, run by `Pattern`'s Pike VM).
enum PatternInstruction: Sendable {
    /// Consume one scalar the atom accepts, then continue at the next instruction.
    case consume(PatternAtom)
    /// Continue at the next instruction only where the assertion holds.
    case assert(PatternAssertion)
    /// Continue at both targets.
    case split(Int, Int)
    /// Continue at the target.
    case jump(Int)
    /// The pattern has matched (accepted only at the end of the text: full-match semantics).
    case match
}
