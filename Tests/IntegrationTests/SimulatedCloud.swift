import CloudStack
import CloudStackSimulator
import Pipeline
import Synchronization
import TestSupport
import Testing

@testable import EventLoops

/// A simulator behind a real `HTTPServer` on 127.0.0.1 and a `CloudStackClient` over a `PooledTransport`
/// to it: every test's bytes cross loopback sockets, and the simulator's own verifier checks every signature.
struct SimulatedCloud {
    let simulator: Simulator
    let responder: RecordingSimulatorResponder
    let client: CloudStackClient
    let transport: PooledTransport
    let serverConnections: ConnectionCounter
    let retries: RetryCounter
    /// The one clock of the simulator, the client (its backoff and job-polling sleeps advance it) and the pool.
    let clock: ManualClock
    /// The simulator's HTTP front end, whose idle and request deadlines run on `serverClock`.
    let server: HTTPServer
    /// The server's own clock, so its idle cut-off can pass without moving the pool's.
    let serverClock: ManualClock

    /// The root admin's key pair.
    var admin: CloudStackCredentials { credentials("admin") }
    /// The first normal account's key pair.
    var user1: CloudStackCredentials { credentials("user1") }

    func credentials(_ account: String) -> CloudStackCredentials {
        let keys = simulator.credentials.first { $0.account == account }
        return CloudStackCredentials(apiKey: keys?.apiKey ?? "", secretKey: keys?.secretKey ?? "")
    }

    /// Starts a server (one loop) and a client (one loop), runs `body`, and stops both whatever happens.
    static func run<R>(
        simulator configuration: SimulatorConfiguration = SimulatorConfiguration(jobDurationNanos: 0, seedData: .empty),
        pool: BackendPoolConfiguration = BackendPoolConfiguration(size: 4),
        client clientConfiguration: ClientConfiguration = fastClient(),
        serverIdleSeconds: Int = 60,
        _ body: (SimulatedCloud) async throws -> R
    ) async throws -> R {
        let clock = ManualClock()
        let serverClock = ManualClock()
        let simulator = Simulator(configuration: configuration, clock: clock.clock)
        let responder = RecordingSimulatorResponder(simulator: simulator)
        let serverConnections = ConnectionCounter()
        let serverGroup = try LoopGroup(count: 1)
        let server: HTTPServer
        do {
            server = try HTTPServer(
                group: serverGroup, listeners: [ListenerConfiguration(address: "127.0.0.1", port: 0)],
                limits: FrontEndLimits(idleTimeoutSeconds: serverIdleSeconds), responder: responder,
                reject: { _, status in Response.text(status, "refused") }, observer: serverConnections, clock: serverClock.clock)
        } catch {
            serverGroup.shutdown()
            throw error
        }
        let clientGroup: LoopGroup
        do {
            clientGroup = try LoopGroup(count: 1)
        } catch {
            server.stopAccepting()
            server.close()
            serverGroup.shutdown()
            throw error
        }
        let transport = PooledTransport(
            group: clientGroup, endpoint: BackendEndpoint(host: "127.0.0.1", port: server.boundPorts[0]), configuration: pool,
            clock: clock.clock)
        let retries = RetryCounter()
        let cloud = SimulatedCloud(
            simulator: simulator, responder: responder,
            client: CloudStackClient(
                transport: transport, configuration: clientConfiguration, observer: retries,
                environment: ClientEnvironment(clock: clock.clock, random: { 0.5 })),
            transport: transport, serverConnections: serverConnections, retries: retries, clock: clock, server: server,
            serverClock: serverClock)
        defer {
            server.stopAccepting()
            server.close()
            serverGroup.shutdown()
            clientGroup.shutdown()
        }
        do {
            let result = try await body(cloud)
            await transport.shutdown()
            return result
        } catch {
            await transport.shutdown()
            throw error
        }
    }

    /// Client settings for tests: short retry backoff and job polling so runs stay quick.
    static func fastClient() -> ClientConfiguration {
        var configuration = ClientConfiguration()
        configuration.retry.baseDelayNanos = 1_000_000
        configuration.retry.maxDelayNanos = 10_000_000
        configuration.jobPolling.initialIntervalNanos = 20_000_000
        configuration.jobPolling.maxIntervalNanos = 100_000_000
        configuration.jobPolling.timeoutNanos = 10_000_000_000
        return configuration
    }

    /// The first Basic zone, a fixed-size offering and a featured template, looked up through the client.
    func catalog() async throws -> (zone: String, offering: String, template: String) {
        let zones = try await client.listAll(CommandTable.listZones, as: admin)
        let offerings = try await client.listAll(CommandTable.listServiceOfferings, as: admin)
        let templates = try await client.listAll(CommandTable.listTemplates, ["templatefilter": "featured"], as: admin)
        let zone = zones.first { $0.networktype == "Basic" }?.id
        let offering = offerings.first { $0.iscustomized == false }?.id
        guard let zone, let offering, let template = templates.first?.id else { throw CatalogMissing() }
        return (zone, offering, template)
    }

    struct CatalogMissing: Error {}

    /// Parameters of a deployVirtualMachine into the catalog's zone.
    func deployParameters() async throws -> Parameters {
        let c = try await catalog()
        return ["zoneid": c.zone, "serviceofferingid": c.offering, "templateid": c.template]
    }
}

/// The `CloudStackError` a call threw, or nil when it succeeded (any other error is a test failure).
func thrown<T>(_ body: () async throws -> T) async -> CloudStackError? {
    do {
        _ = try await body()
        return nil
    } catch let error as CloudStackError {
        return error
    } catch {
        Issue.record("not a CloudStackError: \(error)")
        return nil
    }
}
