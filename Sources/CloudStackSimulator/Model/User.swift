/// A user of an account, with its API key pair.
struct User: Sendable {
    var id: String
    var username: String
    var accountID: String
    var apiKey: String
    var secretKey: String
    var firstName: String
    var lastName: String
    var email: String
    var created: Int64
    var state = "enabled"
}
