import Crypto
import JSON
public import Pipeline
import Synchronization

/// An in-memory CloudStack 4.18 management server: `/client/api` intake, signing, tenancy, state
/// machines and async jobs, answered as `response=json`. Pure Swift: no sockets, no threads; time
/// comes from the injected clock and jobs advance lazily whenever the simulator is called.
public final class Simulator: Sendable {
    struct State: Sendable {
        var world: World
        var configuration: SimulatorConfiguration
        var random: SplitMix64
        /// Per-account throttling windows: start and count.
        var throttleWindows: [String: (start: UInt64, count: Int)] = [:]
        /// Login sessions by `JSESSIONID`.
        var sessions: [String: Sessions.Session] = [:]
    }

    private let state: Mutex<State>
    /// The simulator's time: `created` dates, `expires` checks, session timeouts, job progress and the
    /// reply latency a transport waits with `clock.sleep`.
    public let clock: Clock
    private let seededKeys: [SimulatorAccountKeys]

    /// Creates a simulator with its seed data, reading time from `clock`.
    public init(configuration: SimulatorConfiguration, clock: Clock = .system) {
        self.clock = clock
        var world = World(seed: configuration.seed)
        world.seed(configuration.seedData, seed: configuration.seed, nowSeconds: clock.epochSeconds)
        seededKeys = world.users.all.compactMap { user in
            guard let account = world.accounts[user.accountID] else { return nil }
            return SimulatorAccountKeys(
                account: account.name, username: user.username, isAdmin: account.isRootAdmin,
                apiKey: user.apiKey, secretKey: user.secretKey, password: user.password)
        }
        state = Mutex(State(world: world, configuration: configuration, random: SplitMix64(seed: configuration.seed)))
    }

    /// Every seeded user's key pair (admin first).
    public var credentials: [SimulatorAccountKeys] { seededKeys }

    // MARK: Run-time knobs

    /// Sets how long async jobs take from now on.
    public func setJobDuration(nanos: UInt64) { state.withLock { $0.configuration.jobDurationNanos = nanos } }

    /// Sets the extra latency of one command (`nil` name: the default for all others).
    public func setLatency(command: String?, nanos: UInt64) {
        state.withLock {
            if let command { $0.configuration.latencyNanos[command] = nanos } else { $0.configuration.defaultLatencyNanos = nanos }
        }
    }

    /// Replaces the error-injection settings.
    public func setErrorInjection(_ errors: ErrorInjection) {
        state.withLock {
            $0.configuration.errors = errors
            $0.throttleWindows = [:]
        }
    }

    /// Adds seed data (more accounts' VMs, volumes, tags) to the running cloud.
    public func seed(_ data: SeedData) {
        let now = clock.epochSeconds
        state.withLock { $0.world.seed(data, seed: $0.configuration.seed, nowSeconds: now) }
    }

    // MARK: Requests

    /// Answers one HTTP request to `/client/api` (anything else is 404).
    public func handle(_ request: Request) -> SimulatorReply {
        guard request.path == "/client/api" || request.path == "/client/api/" else {
            return SimulatorReply(response: .text(404, "Not Found"))
        }
        // ApiServlet implements doGet and doPost only; the servlet container answers anything else 405.
        guard request.method == .get || request.method == .post else {
            return SimulatorReply(response: .text(405, "HTTP method \(request.method.rawValue) is not supported by this URL"))
        }
        let form: [UInt8]? = request.method == .post && request.hasFormBody ? request.body : nil
        let parameters = Parameters(query: request.rawQuery, form: form)
        let now = clock.wallNanos()
        let cookies = Sessions.cookies(request)
        switch parameters["command"] {
        case "login":
            return SimulatorReply(response: state.withLock { Sessions.login(parameters, method: request.method, state: &$0, now: now) })
        case "logout":
            return SimulatorReply(response: state.withLock { Sessions.logout(cookies: cookies, state: &$0) })
        default:
            return respond(parameters, cookies: cookies, now: now)
        }
    }

    /// Runs decoded parameters through verification and the command.
    func respond(_ parameters: Parameters, cookies: [String: String] = [:], now: UInt64) -> SimulatorReply {
        let wantsJSON = parameters["response"]?.lowercased() == "json"
        let commandName = parameters["command"]
        let command = commandName.flatMap { CommandTable.commands[$0] }
        let responseName = command?.responseName
        func fail(_ error: APIError) -> SimulatorReply {
            if !wantsJSON {
                let name = error.usesErrorResponse ? "errorresponse" : (responseName ?? "errorresponse")
                return SimulatorReply(
                    response: ResponseBody.xml(status: error.code, responseName: name, code: error.code, text: error.text))
            }
            return SimulatorReply(response: ResponseBody.error(error, responseName: responseName))
        }
        guard let command else { return fail(.unauthorized) }
        // RSA generation takes milliseconds: do it before taking the lock so other loops are not held up.
        let generatedKey = command.name == "createSSHKeyPair" ? RSAKeyPair.generate(bits: 2048) : nil
        return state.withLock { state -> SimulatorReply in
            let caller: Caller
            do {
                if cookies["JSESSIONID"] != nil && parameters["signature"] == nil {
                    // The session path: no signature, the session cookie and key instead.
                    guard let sessionCaller = Sessions.caller(parameters, cookies: cookies, state: &state, now: now) else {
                        throw APIError(code: 401, csCode: nil, text: "unable to verify user credentials")
                    }
                    try Authentication.authorize(sessionCaller, command: command, state: &state, now: now)
                    caller = sessionCaller
                } else {
                    caller = try Authentication.verify(parameters, command: command, state: &state, now: now)
                }
            } catch let error as APIError {
                return fail(error)
            } catch {
                return fail(.unauthorized)
            }
            let delay = state.configuration.latencyNanos[command.name] ?? state.configuration.defaultLatencyNanos
            if let fault = Faults.pick(&state, command: command, caller: caller) {
                return SimulatorReply(response: fault, delayNanos: delay)
            }
            guard wantsJSON else {
                return SimulatorReply(
                    response: ResponseBody.xml(
                        status: 200, responseName: command.responseName, code: nil,
                        text: "this simulator answers response=json only"), delayNanos: delay)
            }
            state.world.advance(to: now)
            var call = Call(
                command: command, parameters: parameters, caller: caller, nowNanos: now,
                jobNanos: state.configuration.jobDurationNanos, generatedKey: generatedKey,
                failsJob: state.configuration.errors.failingJobs.contains(command.name))
            var writer = JSONWriter(reservingCapacity: 2048)
            writer.beginObject()
            writer.key(command.responseName)
            do {
                for name in command.required where !call.has(name) {
                    throw APIError.missing(command.name, name)
                }
                if !command.isReadOnly { state.world.revision &+= 1 }
                try command.handler(&state.world, &call, &writer)
            } catch let error as APIError {
                let shown = error.shown(toAdmin: caller.isAdmin)
                return SimulatorReply(response: ResponseBody.error(shown, responseName: command.responseName), delayNanos: delay)
            } catch {
                return SimulatorReply(
                    response: ResponseBody.error(.internalError("\(error)"), responseName: command.responseName), delayNanos: delay)
            }
            writer.endObject()
            // A zero-length job finishes now, so a benchmark's first poll sees the result.
            if state.configuration.jobDurationNanos == 0 { state.world.advance(to: now) }
            return SimulatorReply(response: ResponseBody.json(200, writer.take()), delayNanos: delay)
        }
    }
}
