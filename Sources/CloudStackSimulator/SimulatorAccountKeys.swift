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
