/// One HTTP response the pipeline hands back to the front end; the body stays bytes end to end.
public struct Response: Sendable {
    /// The HTTP status code.
    public var status: Int
    /// The response headers (the front end adds `Content-Length` and `Date`).
    public var headers: Headers
    /// The response body.
    public var body: [UInt8]
    /// A deliberate connection failure instead of (or during) the reply; the simulator's error
    /// injection uses it. `nil` for every normal response.
    public var fault: ResponseFault?

    /// Creates a response.
    public init(status: Int, headers: Headers = Headers(), body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A plain-text response, for operational endpoints and last-resort errors.
    public static func text(_ status: Int, _ text: String) -> Response {
        Response(status: status, headers: Headers([("Content-Type", "text/plain; charset=utf-8")]), body: Array(text.utf8))
    }
}

/// A connection-level failure the front end performs instead of a normal reply.
public enum ResponseFault: Sendable, Equatable {
    /// Close the connection without sending anything (the client sees a reset or EOF).
    case resetConnection
    /// Send the headers with the full `Content-Length`, then only `keep` body bytes, then close.
    case truncateBody(keep: Int)
}
