import Foundation
import Pipeline
import TestSupport

@testable import CloudStackSimulator

/// Signs requests the way a client library does, independently of the simulator's verifier:
/// Foundation percent-encoding with Java's unreserved set, UTF-16 sort, lower-case, HMAC-SHA1.
struct TestClient {
    let simulator: Simulator
    let apiKey: String
    let secret: String

    static let javaUnreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.-*_")

    static func encode(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: javaUnreserved) ?? value
    }

    /// The signature of `params` (without `signature`).
    static func signature(_ params: [(String, String)], secret: String) -> String {
        let sorted = params.sorted { $0.0.utf16.lexicographicallyPrecedes($1.0.utf16) }
        let text = sorted.map { "\($0.0)=\(encode($0.1))" }.joined(separator: "&").lowercased()
        return HMACSHA1.base64(key: Array(secret.utf8), message: Array(text.utf8))
    }

    /// Sends a signed GET with `response=json`; `extra` is appended unsigned (to break signatures).
    func call(
        _ command: String, _ params: [(String, String)] = [], sign: Bool = true, json: Bool = true,
        mutate: ((inout [(String, String)]) -> Void)? = nil
    ) -> Answer {
        var all = [("command", command), ("apiKey", apiKey)] + params
        if json { all.append(("response", "json")) }
        if sign { all.append(("signature", TestClient.signature(all, secret: secret))) }
        mutate?(&all)
        let query = all.map { "\(TestClient.encode($0.0))=\(TestClient.encode($0.1))" }.joined(separator: "&")
        let reply = simulator.handle(Request(method: .get, uri: "/client/api?" + query))
        return Answer(status: reply.response.status, body: reply.response.body, headers: reply.response.headers)
    }

    /// Polls `queryAsyncJobResult` after moving the clock past the job's duration.
    func waitForJob(_ jobID: String, clock: ManualClock, milliseconds: UInt64 = 1000) -> [String: Any] {
        clock.advance(milliseconds: milliseconds)
        return call("queryAsyncJobResult", [("jobid", jobID)]).inner("queryasyncjobresultresponse")
    }
}
