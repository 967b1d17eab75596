import CloudStack
import CloudStackSimulator
import Foundation
import Pipeline
import Synchronization
import TestSupport
import Testing

@testable import GCE

/// A GCE pipeline in front of the simulator, with helpers to call it like a client would.
struct TestBridge {
    let clock: ManualClock
    let simulator: Simulator
    let client: CloudStackClient
    let transport: SimulatorTransport
    let pipeline: GCEPipeline
    /// Dispatches like the executable's `APIDispatch`: compute, OAuth2 and discovery each to its own responder.
    let responder: ClosureResponder
    let user: SimulatorAccountKeys
    static let base = "https://127.0.0.1:8443"
    static let tokenKey: [UInt8] = Array(repeating: 7, count: 32)

    init(
        seed: SeedData = .demo, jobNanos: UInt64 = 300_000_000, project: String? = nil, redirectURIs: [String] = [],
        clientConfiguration: ClientConfiguration = ClientConfiguration()
    ) throws {
        let clock = ManualClock(epochSeconds: 1_790_000_000)
        let simulator = Simulator(configuration: SimulatorConfiguration(jobDurationNanos: jobNanos, seedData: seed), clock: clock.clock)
        try self.init(
            simulator: simulator, clock: clock, project: project, redirectURIs: redirectURIs, clientConfiguration: clientConfiguration)
    }

    /// A second bridge in front of `other`'s simulator, with a client and catalog of its own: what `other` sees of
    /// changes made through it is what it sees of changes made by any other CloudStack client.
    init(sharingSimulatorOf other: TestBridge) throws {
        try self.init(
            simulator: other.simulator, clock: other.clock, project: nil, redirectURIs: [], clientConfiguration: ClientConfiguration())
    }

    private init(
        simulator: Simulator, clock: ManualClock, project: String?, redirectURIs: [String], clientConfiguration: ClientConfiguration
    ) throws {
        self.clock = clock
        self.simulator = simulator
        let environment = ClientEnvironment(clock: clock.clock, random: { 0.5 })
        transport = SimulatorTransport(simulator: simulator)
        client = CloudStackClient(transport: transport, configuration: clientConfiguration, environment: environment)
        let configuration = GCEConfiguration(
            publicBaseURL: Self.base, project: project, tokenKey: Self.tokenKey,
            redirectURIs: redirectURIs)
        pipeline = try GCEPipeline(configuration: configuration, client: client, clock: clock.clock)
        responder = Self.dispatcher(pipeline)
        guard let user = simulator.credentials.first(where: { $0.account == "user1" }) else { throw TestFailure("no user1") }
        self.user = user
    }

    /// The pipeline and its OAuth2 and discovery responders behind one responder, dispatched as `APIDispatch` does.
    static func dispatcher(_ pipeline: GCEPipeline) -> ClosureResponder {
        let compute = PhasedResponder(pipeline)
        let (oauth, discovery) = (pipeline.oauth, pipeline.discovery)
        return ClosureResponder { request, context in
            switch Router().api(for: request) {
            case .oauth: await oauth.respond(to: request, context: &context)
            case .discovery: await discovery.respond(to: request, context: &context)
            case .batch: await BatchResponder(compute: compute).respond(to: request, context: &context)
            default: await compute.respond(to: request, context: &context)
            }
        }
    }

    /// An access token for user1, issued through the public `TokenIssuer`.
    func token() async throws -> String {
        try await pipeline.tokenIssuer.issueToken(apiKey: user.apiKey, secretKey: user.secretKey)
    }

    /// Sends one request and returns the response.
    func send(_ method: HTTPMethod, _ uri: String, body: String? = nil, token: String? = nil, headers: [(String, String)] = [])
        async -> Response
    {
        var all = Headers(headers)
        if let token { all.add("Authorization", "Bearer " + token) }
        if body != nil { all.add("Content-Type", "application/json") }
        var context = RequestContext(requestID: "test", startNanos: 0)
        return await responder.respond(
            to: Request(method: method, uri: uri, headers: all, body: Array((body ?? "").utf8)), context: &context)
    }

    /// Sends a compute request (path relative to `/compute/v1/projects/user1/`) with a fresh token and parses the JSON.
    func compute(_ method: HTTPMethod, _ path: String, body: String? = nil, token: String) async throws -> (Int, [String: Any]) {
        let response = await send(method, "/compute/v1/projects/user1/" + path, body: body, token: token)
        if response.body.isEmpty { return (response.status, [:]) }
        let object = try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any]
        return (response.status, object ?? [:])
    }

    /// Polls an operation (by selfLink) with `wait` until DONE.
    func waitDone(_ operation: [String: Any], token: String) async throws -> [String: Any] {
        guard let link = operation["selfLink"] as? String else { throw TestFailure("operation without selfLink") }
        let path = String(link.dropFirst(Self.base.count))
        for _ in 0..<20 {
            let response = await send(.post, path + "/wait", token: token)
            let object = try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any] ?? [:]
            #expect(response.status == 200, "\(object)")
            if object["status"] as? String == "DONE" { return object }
            clock.advance(seconds: 1)
        }
        throw TestFailure("operation never finished")
    }
}
