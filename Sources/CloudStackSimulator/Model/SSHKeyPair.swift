/// A registered SSH public key, named per account.
struct SSHKeyPair: Sendable {
    var id: String
    var name: String
    var accountID: String
    /// MD5 of the decoded public key blob, colon-separated lower-case hex.
    var fingerprint: String
    var publicKey: String
}
