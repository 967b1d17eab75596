import CloudStack
import EventLoops
import Pipeline
import Testing

extension IntegrationTests {
    /// A CloudStack that misbehaves in every way issue #11 lists, behind the real pooled transport:
    /// each fault becomes the documented error (docs/reliability.md) within the call's deadline.
    @Suite struct BackendFaultTests {
        static let deadlineSeconds = 0.5
        static let credentials = CloudStackCredentials(apiKey: "key", secretKey: "secret")

        /// A client with no retries (so the test sees one attempt) over a pool to `port`.
        func withClient<R>(
            port: Int, maxResponseBytes: Int = 1 << 20, _ body: (CloudStackClient) async throws -> R
        ) async throws -> R {
            let group = try LoopGroup(count: 1)
            defer { group.shutdown() }
            let transport = PooledTransport(
                group: group, endpoint: BackendEndpoint(host: "127.0.0.1", port: port),
                configuration: BackendPoolConfiguration(
                    size: 2, responseTimeoutSeconds: Self.deadlineSeconds, maxResponseBytes: maxResponseBytes))
            var configuration = SimulatedCloud.fastClient()
            configuration.retry.maxRetries = 0
            let client = CloudStackClient(transport: transport, configuration: configuration, observer: RetryCounter())
            do {
                let result = try await body(client)
                await transport.shutdown()
                return result
            } catch {
                await transport.shutdown()
                throw error
            }
        }

        /// The error one listZones call fails with, and how long it took in seconds.
        func failure(_ client: CloudStackClient) async -> (CloudStackError?, Double) {
            let start = Clock.system.monotonicNanos()
            let error = await thrown { try await client.call(CommandTable.listZones, as: Self.credentials) }
            return (error, Double(Clock.system.monotonicNanos() - start) / 1e9)
        }

        static let faults: [(String, FakeBackend.Behaviour)] = [
            ("silent", .silent),
            ("reset", .reset),
            ("proxy 502", .answer(status: 502, body: "<html>bad gateway</html>")),
            ("server 500 without CloudStack JSON", .answer(status: 500, body: "<html>oops</html>")),
            ("429", .answer(status: 429, body: "")),
            ("garbage", .answer(status: 200, body: "<html>not json</html>")),
            ("missing wrapper", .answer(status: 200, body: "{\"zone\":[{\"id\":\"z\"}],\"count\":1}")),
            ("huge", .huge(bytes: 300 << 20)),
            ("drip", .drip(intervalMillis: 100)),
        ]

        @Test(arguments: BackendFaultTests.faults)
        func eachFaultBecomesItsErrorWithinTheDeadline(_ name: String, _ behaviour: FakeBackend.Behaviour) async throws {
            let backend = try FakeBackend(behaviour)
            defer { backend.stop() }
            try await withClient(port: backend.port) { client in
                let (error, seconds) = await failure(client)
                switch (name, error) {
                case ("silent", .unavailable(.timeout)?), ("drip", .unavailable(.timeout)?): break
                case ("reset", .unavailable(.connectionReset)?): break
                case ("proxy 502", .unavailable(.gatewayStatus(502))?): break
                case ("server 500 without CloudStack JSON", .upstream(500, _)?): break
                case ("429", .throttled?): break
                case ("garbage", .upstream(200, _)?), ("missing wrapper", .upstream(200, _)?), ("huge", .upstream(200, _)?): break
                default: Issue.record("\(name): unexpected \(String(describing: error))")
                }
                // The deadline plus the pool's 50 ms tick, with room for a loaded test machine; the
                // drip alone would take 10 s, and a silent backend forever.
                #expect(seconds < Self.deadlineSeconds + 1.5, "\(name) took \(seconds) s")
                // A broken connection is replaced: the next call is answered the same way, not stuck.
                let (again, _) = await failure(client)
                #expect(again != nil, "\(name)")
            }
        }

        @Test func aRefusedConnectionIsUnavailable() async throws {
            try await withClient(port: try FakeBackend.refusingPort()) { client in
                let (error, seconds) = await failure(client)
                guard case .unavailable? = error else {
                    Issue.record("expected .unavailable, got \(String(describing: error))")
                    return
                }
                #expect(seconds < Self.deadlineSeconds + 1.5)
            }
        }
    }
}
