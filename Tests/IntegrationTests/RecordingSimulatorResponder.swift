import CloudStackSimulator
import Pipeline
import Synchronization

/// Serves a `Simulator` over HTTP like the executable's responder, and records what the server side
/// received, so tests count retries, pages and writes where they really arrive.
final class RecordingSimulatorResponder: Responder {
    let simulator: Simulator
    private let state = Mutex<Recorded>(Recorded())

    struct Recorded {
        /// Every request received, in order: its `command` and `page` parameters.
        var received: [(command: String, page: String?)] = []
        /// Commands the simulator executes but whose reply is then lost to a reset.
        var loseRepliesOf: Set<String> = []
        /// Commands whose reply was handed back to the server, in order.
        var finished: [String] = []
    }

    init(simulator: Simulator) {
        self.simulator = simulator
    }

    /// Makes every later `command` run in the simulator and then reset the connection instead of replying.
    func loseReplies(of command: String) {
        _ = state.withLock { $0.loseRepliesOf.insert(command) }
    }

    /// How many replies to `command` the server has been given.
    func finished(_ command: String) -> Int {
        state.withLock { $0.finished.count { $0 == command } }
    }

    /// How many requests for `command` reached the server.
    func count(_ command: String) -> Int {
        state.withLock { $0.received.count { $0.command == command } }
    }

    /// The `page` parameter of every request for `command`, in arrival order.
    func pages(_ command: String) -> [String?] {
        state.withLock { $0.received.filter { $0.command == command }.map(\.page) }
    }

    func respond(to request: Request, context: inout RequestContext) async -> Response {
        let form = request.method == .post ? String(decoding: request.body, as: UTF8.self) : String(request.rawQuery)
        let command = Self.parameter("command", in: form) ?? ""
        let lose = state.withLock { recorded -> Bool in
            recorded.received.append((command, Self.parameter("page", in: form)))
            return recorded.loseRepliesOf.contains(command)
        }
        let reply = simulator.handle(request)
        if reply.delayNanos > 0 {
            // Real time on purpose: these tests hold a real connection busy while the pool's own (manual)
            // clock is moved; the simulator's clock would return at once.
            try? await Task.sleep(nanoseconds: reply.delayNanos)
        }
        state.withLock { $0.finished.append(command) }
        var response = reply.response
        if lose { response.fault = .resetConnection }
        return response
    }

    /// The raw value of one `name=value` pair of a query or form (the names used here need no decoding).
    static func parameter(_ name: String, in form: String) -> String? {
        for pair in form.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            if parts.count == 2, parts[0] == name { return String(parts[1]) }
        }
        return nil
    }
}
