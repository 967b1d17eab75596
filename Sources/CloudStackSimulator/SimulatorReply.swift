public import Pipeline

/// The simulator's answer to one request and how long the server should wait before sending it.
public struct SimulatorReply: Sendable {
    /// The HTTP response (possibly with a `fault`).
    public var response: Response
    /// Injected latency; the server delays the reply by this much.
    public var delayNanos: UInt64

    /// Creates a reply.
    public init(response: Response, delayNanos: UInt64 = 0) {
        self.response = response
        self.delayNanos = delayNanos
    }
}

/// One seeded user's identity and API key pair, for printing by `stackbridge simulator`/`demo`.
public struct SimulatorAccountKeys: Sendable, CustomStringConvertible {
    /// Account name (`admin`, `user1`, …).
    public var account: String
    /// User name.
    public var username: String
    /// Whether the account is the root admin.
    public var isAdmin: Bool
    /// The API key.
    public var apiKey: String
    /// The secret key (demo-only; never logged by `description`).
    public var secretKey: String
    /// The password for `login` (demo-only; never logged by `description`).
    public var password: String

    /// Account and API key only: the secret never reaches a log line.
    public var description: String { "\(account)/\(username) apiKey=\(apiKey)\(isAdmin ? " (root admin)" : "")" }
}
