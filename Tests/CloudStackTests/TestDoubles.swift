import CloudStack
import Foundation
import Pipeline
import Synchronization
import TestSupport

/// An in-memory `Transport` that records requests and answers from a script.
final class ScriptedTransport: Transport {
    private let state = Mutex<[OutboundRequest]>([])
    let answer: @Sendable (OutboundRequest, Int) throws(TransportError) -> InboundResponse

    /// `answer` gets each request and its 0-based index among all requests.
    init(_ answer: @escaping @Sendable (OutboundRequest, Int) throws(TransportError) -> InboundResponse) {
        self.answer = answer
    }

    var requests: [OutboundRequest] { state.withLock { $0 } }

    func send(_ request: OutboundRequest) async throws -> InboundResponse {
        let index = state.withLock { requests -> Int in
            requests.append(request)
            return requests.count - 1
        }
        return try answer(request, index)
    }
}

/// Answers like `answer` after `delayNanos` of real time, counting the requests in flight (now and at most).
final class TimedTransport: Transport {
    private let scripted: ScriptedTransport
    private let delayNanos: UInt64
    private let inFlight = Mutex<(now: Int, most: Int)>((now: 0, most: 0))

    init(delayNanos: UInt64, answer: ScriptedTransport) {
        self.delayNanos = delayNanos
        scripted = answer
    }

    var requests: [OutboundRequest] { scripted.requests }
    /// The most requests that were in flight at once.
    var mostInFlight: Int { inFlight.withLock { $0.most } }

    func send(_ request: OutboundRequest) async throws -> InboundResponse {
        inFlight.withLock {
            $0.now += 1
            $0.most = max($0.most, $0.now)
        }
        defer { inFlight.withLock { $0.now -= 1 } }
        try await Task.sleep(nanoseconds: delayNanos)
        return try await scripted.send(request)
    }
}

extension ManualClock {
    /// The client tests' clock: 2030-01-01T00:00:00Z, its sleeps advance it at once and are recorded.
    static func client() -> ManualClock { ManualClock(epochSeconds: 1_893_456_000) }

    /// A client environment on this clock with a fixed jitter draw.
    func environment(random: Double = 0.5) -> ClientEnvironment {
        ClientEnvironment(clock: clock, random: { random })
    }
}

/// Records observer calls.
final class RecordingObserver: ClientObserver {
    private let state = Mutex<(finished: [(String, RequestOutcome)], retried: [Int], throttled: Int)>(([], [], 0))
    var finished: [(String, RequestOutcome)] { state.withLock { $0.finished } }
    var retried: [Int] { state.withLock { $0.retried } }
    var throttled: Int { state.withLock { $0.throttled } }

    func requestFinished(command: String, outcome: RequestOutcome, latencyNanos: UInt64) {
        state.withLock { $0.finished.append((command, outcome)) }
    }
    func requestRetried(command: String, attempt: Int) { state.withLock { $0.retried.append(attempt) } }
    func requestThrottled(command: String) { state.withLock { $0.throttled += 1 } }
}

let testCredentials = CloudStackCredentials(apiKey: "user-api-key", secretKey: "user-secret-key")

func ok(_ json: String) -> InboundResponse { InboundResponse(status: 200, body: Array(json.utf8)) }

/// The decoded query parameters of a GET target or a POST form body.
func formParameters(_ request: OutboundRequest) -> [String: String] {
    let query: String
    if request.method == .post {
        query = String(decoding: request.body, as: UTF8.self)
    } else {
        query = String(request.target.split(separator: "?", maxSplits: 1).last ?? "")
    }
    var out: [String: String] = [:]
    for piece in query.split(separator: "&") {
        let parts = piece.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        let name = String(parts[0]).removingPercentEncoding ?? ""
        out[name] = parts.count > 1 ? (String(parts[1]).removingPercentEncoding ?? "") : ""
    }
    return out
}
