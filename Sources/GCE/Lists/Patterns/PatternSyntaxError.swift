/// Why a pattern was refused, in RE2's words where RE2 has them (`missing closing )`).
struct PatternSyntaxError: Error, Sendable, Equatable {
    /// The reason, shown to the caller inside the GCE error message.
    let reason: String

    init(_ reason: String) { self.reason = reason }
}
