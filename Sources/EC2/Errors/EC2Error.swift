/// One EC2 error as the client sees it: the code, the message and the HTTP status.
///
/// Every failure in the EC2 pipeline ends as one of these, rendered once by `ErrorDocument`.
public struct EC2Error: Error, Sendable, Equatable, CustomStringConvertible {
    /// The EC2 error code, verbatim (`InvalidInstanceID.NotFound`).
    public let code: String
    /// The human-readable message; never contains a secret.
    public let message: String
    /// The HTTP status the error is answered with.
    public let status: Int

    /// Creates an error; `status` defaults to 400 as for most EC2 client errors.
    public init(code: String, message: String, status: Int = 400) {
        self.code = code
        self.message = message
        self.status = status
    }

    /// `code: message (status)`, for logs.
    public var description: String { "\(code): \(message) (\(status))" }
}
