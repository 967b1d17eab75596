import CloudStack
import Foundation
import Pipeline
import Synchronization

/// An in-memory `Transport` that records requests and answers from a script.
final class ScriptedTransport: Transport {
    private let state = Mutex<[OutboundRequest]>([])
    private let answer: @Sendable (OutboundRequest, Int) throws(TransportError) -> InboundResponse

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

/// A virtual clock: `sleep` advances time instantly and records the requested durations.
final class VirtualClock: Sendable {
    private let state = Mutex<(now: UInt64, sleeps: [UInt64])>((1_000, []))

    var sleeps: [UInt64] { state.withLock { $0.sleeps } }
    var now: UInt64 { state.withLock { $0.now } }

    func environment(random: Double = 0.5) -> ClientEnvironment {
        ClientEnvironment(
            sleep: { nanos in
                try Task.checkCancellation()
                self.state.withLock {
                    $0.now += nanos
                    $0.sleeps.append(nanos)
                }
                await Task.yield()
            },
            random: { random },
            monotonicNanos: { self.state.withLock { $0.now } },
            epochSeconds: { 1_893_456_000 }
        )
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
