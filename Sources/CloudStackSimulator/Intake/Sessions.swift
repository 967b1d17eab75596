import Crypto
import JSON
import Pipeline

/// `login`/`logout` and the session path of `ApiServlet` (docs/cloudstack-reference.md §2.7): a `JSESSIONID` cookie
/// plus the session key as both cookie and parameter (`api.sessionkey.check.locations` default
/// `CookieAndParameter`), 30 minutes of inactivity.
enum Sessions {
    struct Session: Sendable {
        var key: String
        var userID: String
        var lastSeen: UInt64
    }

    static let timeoutNanos: UInt64 = 30 * 60 * 1_000_000_000

    /// Cookie name/value pairs of a request.
    static func cookies(_ request: Request) -> [String: String] {
        var out: [String: String] = [:]
        for header in request.headers.values("Cookie") {
            for piece in header.split(separator: ";") {
                let pair = piece.split(separator: "=", maxSplits: 1).map { String($0).trimmingSpaces }
                if pair.count == 2, out[pair[0]] == nil { out[pair[0]] = pair[1] }
            }
        }
        return out
    }

    /// `login`: POST only; checks the demo password; answers inline with a session key and cookies.
    static func login(_ parameters: Parameters, method: HTTPMethod, state: inout Simulator.State, now: UInt64) -> Response {
        guard method == .post else { return .text(405, "Please use HTTP POST to authenticate using this API") }
        let username = parameters["username"] ?? ""
        let domainPath = parameters["domain"] ?? "/"
        let world = state.world
        let rootID = world.domains.all.first?.id ?? ""
        let failure = APIError(
            code: 531, csCode: nil,
            text: "Failed to authenticate user \(username) in domain \(rootID); please provide valid credentials")
        guard domainPath == "/" || domainPath.uppercased() == "ROOT" || domainPath.uppercased() == "/ROOT",
            let user = world.users.all.first(where: { $0.username == username }),
            let password = parameters["password"], ConstantTime.equals(Array(password.utf8), Array(user.password.utf8)),
            let account = world.accounts[user.accountID]
        else {
            return ResponseBody.error(failure, responseName: "loginresponse")
        }
        let sessionID = Hex.encode(SecureRandom.bytes(16)).uppercased()
        let key = Base64.encode(SecureRandom.bytes(20), urlSafe: true, padding: false)
        state.sessions[sessionID] = Session(key: key, userID: user.id, lastSeen: now)
        var w = JSONWriter(reservingCapacity: 512)
        w.beginObject()
        w.key("loginresponse")
        w.beginObject()
        w.member("username", user.username)
        w.member("userid", user.id)
        w.member("domainid", account.domainID)
        w.member("timeout", Int(timeoutNanos / Clock.nanosPerSecond))
        w.member("account", account.name)
        w.member("firstname", user.firstName)
        w.member("lastname", user.lastName)
        w.member("type", String(account.type))
        w.member("timezone", "UTC")
        w.member("timezoneoffset", "0.0")
        w.member("registered", "false")
        w.member("sessionkey", key)
        w.endObject()
        w.endObject()
        var response = ResponseBody.json(200, w.take())
        response.headers.add("Set-Cookie", "JSESSIONID=\(sessionID); Path=/client; HttpOnly")
        response.headers.add("Set-Cookie", "sessionkey=\(key); Path=/client; HttpOnly")
        return response
    }

    /// The caller of a session request, or nil when there is no valid session (401 follows).
    static func caller(_ parameters: Parameters, cookies: [String: String], state: inout Simulator.State, now: UInt64) -> Caller? {
        guard let sessionID = cookies["JSESSIONID"], var session = state.sessions[sessionID] else { return nil }
        guard now &- session.lastSeen < timeoutNanos else {
            state.sessions[sessionID] = nil
            return nil
        }
        guard let parameterKey = parameters["sessionkey"], let cookieKey = cookies["sessionkey"],
            ConstantTime.equals(Array(parameterKey.utf8), Array(session.key.utf8)),
            ConstantTime.equals(Array(cookieKey.utf8), Array(session.key.utf8)),
            let user = state.world.users[session.userID], let account = state.world.accounts[user.accountID]
        else { return nil }
        session.lastSeen = now
        state.sessions[sessionID] = session
        return Caller(user: user, account: account)
    }

    /// `logout`: ends the session.
    static func logout(cookies: [String: String], state: inout Simulator.State) -> Response {
        if let sessionID = cookies["JSESSIONID"] { state.sessions[sessionID] = nil }
        return ResponseBody.json(200, Array("{\"logoutresponse\":{\"description\":\"success\"}}".utf8))
    }
}
