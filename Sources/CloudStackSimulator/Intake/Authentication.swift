import Pipeline

/// `ApiServer.verifyRequest` in CloudStack's order: presence checks, `expires`, key lookup,
/// throttling and role check (both before the HMAC), then the HMAC compared in constant time.
enum Authentication {
    static func verify(_ parameters: Parameters, command: Command, state: inout Simulator.State, now: UInt64) throws -> Caller {
        guard parameters["signature"] != nil, let apiKey = parameters["apikey"] else { throw APIError.unauthorized }
        if parameters["signatureversion"] == "3" {
            guard let expires = parameters["expires"], let expiry = ExpiresDate.parse(expires) else { throw APIError.unauthorized }
            if expiry < Int64(now / Clock.nanosPerSecond) { throw APIError.unauthorized }
        }
        guard let userID = state.world.userIDByAPIKey[apiKey], let user = state.world.users[userID],
            let account = state.world.accounts[user.accountID],
            user.state == "enabled"
        else { throw APIError.unauthorized }
        let caller = Caller(user: user, account: account)
        try authorize(caller, command: command, state: &state, now: now)
        guard SignatureCheck.verify(parameters, secret: user.secretKey) else { throw APIError.unauthorized }
        return caller
    }

    /// `commandAvailable`: the rate limiter, then the role check (432).
    static func authorize(_ caller: Caller, command: Command, state: inout Simulator.State, now: UInt64) throws {
        try throttle(caller, state: &state, now: now)
        if command.adminOnly && !caller.isAdmin {
            throw APIError.roleDenied(command.name, account: caller.account.name)
        }
    }

    /// `ApiRateLimitServiceImpl`: a fixed window per account starting at its first request; root admin exempt.
    private static func throttle(_ caller: Caller, state: inout Simulator.State, now: UInt64) throws {
        let errors = state.configuration.errors
        guard errors.throttleMax > 0, !caller.isAdmin else { return }
        var window = state.throttleWindows[caller.account.id] ?? (now, 0)
        if now &- window.start >= errors.throttleIntervalNanos { window = (now, 0) }
        window.count += 1
        state.throttleWindows[caller.account.id] = window
        if window.count > errors.throttleMax {
            let remaining = (window.start &+ errors.throttleIntervalNanos &- now) / 1_000_000
            throw APIError(
                code: 429, csCode: 9999,
                text: "The given user has reached his/her account api limit, please retry after [\(remaining)] ms.")
        }
    }
}
