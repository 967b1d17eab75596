/// A user of an account, with its API key pair.
struct User: Sendable {
    var id: String
    var username: String
    var accountID: String
    var apiKey: String
    var secretKey: String
    /// Demo password for `login` (derived from the seed, like the keys).
    var password: String
    var firstName: String
    var lastName: String
    var email: String
    var created: Int64
    var state = "enabled"
}
