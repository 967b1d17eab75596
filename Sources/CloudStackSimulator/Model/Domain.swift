/// A CloudStack domain (only ROOT and children one level down are seeded).
struct Domain: Sendable {
    var id: String
    var name: String
    /// `ROOT` or `ROOT/<name>`, as `domainpath` shows it.
    var path: String
}
