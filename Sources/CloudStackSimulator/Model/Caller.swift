/// The authenticated user making a request and its account.
struct Caller: Sendable {
    var user: User
    var account: Account

    var isAdmin: Bool { account.isRootAdmin }
}
