import CloudStack
import CloudStackSimulator
import Crypto
import Foundation
import Pipeline
import Synchronization
import TestSupport

@testable import EC2

/// Hands the CloudStack client's requests to an in-process simulator.
struct SimulatorTransport: Transport {
    let simulator: Simulator
    /// Commands sent, by name (lower-cased), when counting.
    var counter: CommandCounter? = nil

    func send(_ request: OutboundRequest) async throws -> InboundResponse {
        counter?.record(request.target)
        let reply = simulator.handle(Request(method: request.method, uri: request.target, headers: request.headers, body: request.body))
        if reply.response.fault != nil { throw TransportError.connectionReset }
        return InboundResponse(status: reply.response.status, headers: reply.response.headers, body: reply.response.body)
    }
}

/// Counts the CloudStack commands a test's requests cause.
final class CommandCounter: Sendable {
    private let counts = Mutex<[String: Int]>([:])

    func record(_ target: String) {
        guard let range = target.lowercased().range(of: "command=") else { return }
        let name = target.lowercased()[range.upperBound...].prefix { $0 != "&" }
        counts.withLock { $0[String(name), default: 0] += 1 }
    }

    /// How many times `command` was sent.
    func count(_ command: String) -> Int { counts.withLock { $0[command.lowercased()] ?? 0 } }
}

/// The EC2 pipeline in front of a simulated CloudStack, with requests signed by a small SigV4 signer.
struct EC2TestCloud {
    let simulator: Simulator
    let client: CloudStackClient
    let pipeline: EC2Pipeline
    /// Shared by the simulator, the client (its sleeps advance it) and the signature check.
    let clock: ManualClock
    let user: SimulatorAccountKeys
    let other: SimulatorAccountKeys
    let admin: SimulatorAccountKeys
    let registry: RegistryCredentialSource?
    static let region = "sb-test-1"
    static let host = "ec2.test:8787"

    init(
        seed: SeedData = .demo, jobNanos: UInt64 = 0, instanceTypes: [String: String] = ["t3.micro": "Small Instance"],
        volumeTypes: [String: String] = [:], registry: Bool = false, staticKeys: Bool = true,
        clientConfiguration: ClientConfiguration = ClientConfiguration(), counter: CommandCounter? = nil
    ) throws {
        let clock = ManualClock(epochSeconds: 1_772_600_767)
        let simulator = Simulator(
            configuration: SimulatorConfiguration(seed: "ec2-tests", jobDurationNanos: jobNanos, seedData: seed),
            clock: clock.clock)
        let environment = ClientEnvironment(clock: clock.clock, random: { 0.5 })
        let client = CloudStackClient(
            transport: SimulatorTransport(simulator: simulator, counter: counter), configuration: clientConfiguration,
            environment: environment)
        let keys = simulator.credentials
        admin = keys[0]
        user = keys[1]
        other = keys[min(2, keys.count - 1)]
        let source = StaticCredentialSource(
            staticKeys ? keys.map { CloudStackCredentials(apiKey: $0.apiKey, secretKey: $0.secretKey) } : [])
        let registrySource =
            registry
            ? try RegistryCredentialSource(
                path: ":memory:", masterKey: Array(repeating: 7, count: 32), client: client, clock: clock.clock)
            : nil
        let chain: any CredentialSource = registrySource.map { CredentialChain([source, $0]) } ?? source
        pipeline = try EC2Pipeline(
            configuration: EC2Configuration(
                region: Self.region, endpointURL: "https://\(Self.host)/", instanceTypes: instanceTypes, volumeTypes: volumeTypes,
                pageTokenSecret: Array(repeating: 42, count: 32)),
            client: client, credentials: chain, registry: registrySource, clock: clock.clock)
        self.registry = registrySource
        self.simulator = simulator
        self.client = client
        self.clock = clock
    }

    /// Sends `Action=action` with `parameters` as a SigV4-signed POST from `keys` (the first user by default).
    func send(_ action: String, _ parameters: [(String, String)] = [], as keys: SimulatorAccountKeys? = nil) async -> Response {
        let signer = keys ?? user
        let request = Self.signedPost(
            [("Action", action), ("Version", "2016-11-15")] + parameters, accessKey: signer.apiKey, secret: signer.secretKey,
            at: clock.epochSeconds)
        return await unsigned(request)
    }

    /// Runs any request through the phases.
    func unsigned(_ request: Request) async -> Response {
        var context = RequestContext(requestID: "req-\(UInt32.random(in: 0...UInt32.max))", startNanos: 0)
        return await PhasedResponder(pipeline).respond(to: request, context: &context)
    }

    /// Sends and parses with botocore; returns the parsed dict (errors throw with their code).
    func call(_ action: String, _ parameters: [(String, String)] = [], as keys: SimulatorAccountKeys? = nil) async throws -> [String: Any] {
        let response = await send(action, parameters, as: keys)
        let checked = try BotocoreResponseChecker.check([(action, response)])[0]
        if let error = checked.error { throw error }
        return checked.parsed
    }

    /// A POST form signed with SigV4 as botocore would send it.
    static func signedPost(
        _ parameters: [(String, String)], accessKey: String, secret: String, at time: Int64, service: String = "ec2"
    ) -> Request {
        let body = parameters.map { PercentEncoding.rfc3986($0.0) + "=" + PercentEncoding.rfc3986($0.1) }.joined(separator: "&")
        let amzDate = AWSTimestamp.formatBasic(time)
        let date = String(amzDate.prefix(8))
        let payloadHash = Hex.encode(Digest.hash(.sha256, Array(body.utf8)))
        let contentType = "application/x-www-form-urlencoded; charset=utf-8"
        let headers: [(name: String, values: [String])] = [
            ("content-type", [contentType]), ("host", [host]), ("x-amz-date", [amzDate]),
        ]
        let canonical = SignatureV4.canonicalRequest(
            method: "POST", canonicalURI: "/", query: [], headers: headers, payloadHash: payloadHash)
        let scope = "\(date)/\(region)/\(service)/aws4_request"
        let toSign = SignatureV4.stringToSign(timestamp: amzDate, scope: scope, canonicalRequest: canonical)
        let key = SignatureV4.signingKey(secret: secret, date: date, region: region, service: service)
        let signature = Hex.encode(SignatureV4.signature(signingKey: key, stringToSign: toSign))
        let authorization =
            "AWS4-HMAC-SHA256 Credential=\(accessKey)/\(scope), SignedHeaders=content-type;host;x-amz-date, Signature=\(signature)"
        return Request(
            method: .post, uri: "/",
            headers: Headers([("Content-Type", contentType), ("Host", host), ("X-Amz-Date", amzDate), ("Authorization", authorization)]),
            body: Array(body.utf8))
    }
}
