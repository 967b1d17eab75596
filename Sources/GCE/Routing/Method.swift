import Pipeline

/// One compute v1 method: its discovery id, HTTP method and path template verbatim, and what it does.
struct Method: Sendable {
    /// Runs the method and returns the response body (a JSON document), or an empty body for 204.
    typealias Run = @Sendable (MethodCall) async throws -> [UInt8]

    /// The discovery method id, e.g. `compute.instances.list`.
    let id: String
    /// The discovery `httpMethod`.
    let httpMethod: HTTPMethod
    /// The discovery `path`, relative to `/compute/v1/`.
    let path: String
    let run: Run

    init(_ id: String, _ httpMethod: HTTPMethod, _ path: String, _ run: @escaping Run) {
        self.id = id
        self.httpMethod = httpMethod
        self.path = path
        self.run = run
    }
}
