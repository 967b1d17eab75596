import Pipeline

/// Finds the method for a request path under `/compute/v1/`; templates are compiled once at start-up.
struct MethodRouter: Sendable {
    private let routes: [(method: Method, template: PathTemplate)]

    init(_ methods: [Method]) {
        routes = methods.map { ($0, PathTemplate($0.path)) }
    }

    /// The method and its path parameters; `nil` when no template matches path and HTTP method.
    func route(_ httpMethod: HTTPMethod, path: Substring) -> (Method, [String: String])? {
        guard path.hasPrefix("/compute/v1/") else { return nil }
        let parts = path.dropFirst("/compute/v1/".count).split(separator: "/", omittingEmptySubsequences: false)
            .map { FormFields.decode($0.utf8) }
        var best: (Method, [String: String], Int)?
        for (method, template) in routes where method.httpMethod == httpMethod {
            guard let parameters = template.match(parts) else { continue }
            if best == nil || template.literalCount > best?.2 ?? 0 { best = (method, parameters, template.literalCount) }
        }
        return best.map { ($0.0, $0.1) }
    }
}
