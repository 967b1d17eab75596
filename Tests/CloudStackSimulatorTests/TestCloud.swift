import Foundation
import Synchronization
import Pipeline
@testable import CloudStackSimulator

/// A clock the tests move by hand (epoch nanoseconds).
final class ManualClock: Sendable {
    private let nanos = Mutex<UInt64>(1_795_000_000_000_000_000)

    var now: UInt64 { nanos.withLock { $0 } }

    func advance(milliseconds: UInt64) { nanos.withLock { $0 += milliseconds * 1_000_000 } }
}

/// The parsed answer to one call.
struct Answer {
    let status: Int
    let body: [UInt8]
    let headers: Headers

    /// The decoded JSON body.
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:]
    }

    /// The object inside the `<r>` wrapper.
    func inner(_ responseName: String) -> [String: Any] { json[responseName] as? [String: Any] ?? [:] }

    var text: String { String(decoding: body, as: UTF8.self) }
}

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
    func call(_ command: String, _ params: [(String, String)] = [], sign: Bool = true, json: Bool = true,
              mutate: ((inout [(String, String)]) -> Void)? = nil) -> Answer {
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

/// A fresh demo cloud with a manual clock and clients for the admin and two users.
struct TestCloud {
    let clock = ManualClock()
    let simulator: Simulator
    let admin: TestClient
    let user1: TestClient
    let user2: TestClient

    init(seedData: SeedData = .demo, jobMillis: UInt64 = 300) {
        let clock = self.clock
        let sim = Simulator(configuration: SimulatorConfiguration(seed: "test-seed", jobDurationNanos: jobMillis * 1_000_000,
                                                                  seedData: seedData), clock: { clock.now })
        simulator = sim
        admin = TestCloud.client(sim, "admin")
        user1 = TestCloud.client(sim, "user1")
        user2 = TestCloud.client(sim, "user2")
    }

    static func client(_ simulator: Simulator, _ name: String) -> TestClient {
        let key = simulator.credentials.first { $0.account == name }
        return TestClient(simulator: simulator, apiKey: key?.apiKey ?? "", secret: key?.secretKey ?? "")
    }

    /// Ids of the first zone of a type, the first fixed offering and the first featured template.
    func catalog(_ networkType: String = "Basic") -> (zone: String, offering: String, template: String) {
        let zones = admin.call("listZones").inner("listzonesresponse")["zone"] as? [[String: Any]] ?? []
        let zone = zones.first { $0["networktype"] as? String == networkType }?["id"] as? String ?? ""
        let offerings = admin.call("listServiceOfferings").inner("listserviceofferingsresponse")["serviceoffering"] as? [[String: Any]] ?? []
        let offering = offerings.first { $0["iscustomized"] as? Bool == false }?["id"] as? String ?? ""
        let templates = admin.call("listTemplates", [("templatefilter", "featured")]).inner("listtemplatesresponse")["template"] as? [[String: Any]] ?? []
        return (zone, offering, templates.first?["id"] as? String ?? "")
    }

    /// Deploys a VM as `client` and runs its job to completion; returns the VM id.
    func deploy(_ client: TestClient, _ extra: [(String, String)] = [], networkType: String = "Basic") -> String {
        let c = catalog(networkType)
        let reply = client.call("deployVirtualMachine", [("zoneid", c.zone), ("serviceofferingid", c.offering), ("templateid", c.template)] + extra)
            .inner("deployvirtualmachineresponse")
        let id = reply["id"] as? String ?? ""
        _ = client.waitForJob(reply["jobid"] as? String ?? "", clock: clock)
        return id
    }
}
