/// A resolution failure before the compiler knows where it happened; it adds template and line.
struct FieldProblem: Error {
    var message: String
    /// Whether `message` is a predicate ("is a list …") still missing its subject.
    var isPredicate = false

    /// A problem whose message is completed by the name of the field it is about.
    static func predicate(_ message: String) -> FieldProblem {
        FieldProblem(message: message, isPredicate: true)
    }

    /// The full message, with `subject` put in front of a predicate.
    func message(subject: String) -> String {
        isPredicate ? "'\(subject)' \(message)" : message
    }
}
