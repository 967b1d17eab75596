import CloudStack
import CloudStackSimulator
import Crypto
import EventLoops
import Logging
import Pipeline

/// Owns everything a running StackBridge process is made of, from start to an ordered shutdown.
///
/// Start order: loops, (in-process simulator), backend pool and client, API pipelines behind the
/// stage list, client listeners, admin listener. Shutdown runs the other way round.
final class Runtime: Sendable {
    let settings: Settings
    let group: LoopGroup
    let metrics: MetricsRegistry
    let logger: Logger
    let simulator: Simulator?
    let simulatorServer: HTTPServer?
    let transport: PooledTransport
    let client: CloudStackClient
    let frontEnd: HTTPServer?
    let adminServer: HTTPServer?
    let tls: TLSServerContextHolder?
    /// The URL the bridge's clients use (GCE selfLinks, printed settings).
    let publicURL: String
    /// The API pipelines.
    let apis: APIs

    /// Builds and starts every component.
    init(settings: Settings, simulatorConfiguration: SimulatorConfiguration? = nil, logger: Logger) throws {
        self.settings = settings
        self.logger = logger
        let metrics = MetricsRegistry()
        metrics.bootstrapSwiftMetrics()
        self.metrics = metrics
        let router = Router(ec2Paths: [settings.server.ec2Path])
        let observers = MetricsObservers(metrics: metrics, router: router)
        group = try LoopGroup(count: settings.server.loops)

        // Backend: the in-process simulator (served over real HTTP on loopback, so the bridge's
        // pool, signing and decoding run exactly as against a management server) or a real one.
        let endpoint: BackendEndpoint
        let path: String
        if settings.cloudstack.isSimulator {
            let configuration = simulatorConfiguration ?? Runtime.simulatorConfiguration(settings.simulator)
            let simulator = Simulator(configuration: configuration, clock: .system)
            let server = try HTTPServer(
                group: group, listeners: [ListenerConfiguration(address: settings.simulator.address, port: settings.simulator.port)],
                // Its clients are the pools' connections, which may all land on one loop.
                limits: FrontEndLimits(
                    maxHeaderBytes: 8192, maxBodyBytes: 1 << 20, idleTimeoutSeconds: 30,
                    maxConnectionsPerLoop: settings.cloudstack.pool.size * group.loops.count + 16),
                responder: SimulatorResponder(simulator: simulator), reject: { _, status in Response.text(status, "rejected") })
            self.simulator = simulator
            simulatorServer = server
            endpoint = BackendEndpoint(host: settings.simulator.address, port: server.boundPorts[0])
            path = "/client/api"
        } else {
            simulator = nil
            simulatorServer = nil
            (endpoint, path) = try BackendWiring.endpoint(settings.cloudstack)
        }
        transport = PooledTransport(
            group: group, endpoint: endpoint, configuration: BackendWiring.pool(settings.cloudstack), observer: observers)
        client = CloudStackClient(
            transport: transport, configuration: BackendWiring.client(settings.cloudstack, path: path), observer: observers)

        // TLS for the client listener.
        var listeners: [ListenerConfiguration] = []
        if settings.server.https.enabled {
            let holder = TLSServerContextHolder(try Runtime.loadTLS(settings.server.https, metrics: metrics))
            tls = holder
            listeners.append(ListenerConfiguration(address: settings.server.https.address, port: settings.server.https.port, tls: holder))
        } else {
            tls = nil
        }
        if settings.server.http.enabled {
            listeners.append(ListenerConfiguration(address: settings.server.http.address, port: settings.server.http.port))
        }
        publicURL = settings.server.effectivePublicURL

        // The admin key pair only looks up users' keys; with the simulator, its root admin serves.
        var admin: CloudStackCredentials?
        if !settings.cloudstack.adminApiKey.isEmpty {
            admin = CloudStackCredentials(
                apiKey: settings.cloudstack.adminApiKey, secretKey: settings.cloudstack.adminSecretKey.exposedValue)
        } else if let root = simulator?.credentials.first(where: \.isAdmin) {
            admin = CloudStackCredentials(apiKey: root.apiKey, secretKey: root.secretKey)
        }
        let apis = try APIs(settings: settings, client: client, publicURL: publicURL, admin: admin)
        self.apis = apis
        var stages: [any Stage] = [RequestIDStage()]
        var accessLog: AccessLogStage?
        if settings.log.accessLog {
            let format = settings.log.format
            let stage = AccessLogStage(
                logger: Logger(label: "access") { LineLogHandler(label: $0, format: format, sink: LineLogHandler.standardOutput) })
            accessLog = stage
            stages.append(stage)
        }
        let metricsStage = MetricsStage(metrics: metrics)
        stages.append(metricsStage)
        let refusals = Refusals(apis: apis, router: router, accessLog: accessLog, metrics: metricsStage)
        let responder = StageList(
            stages,
            terminal: APIDispatch(
                router: router, ec2: apis.ec2, gce: apis.gce, oauth: apis.oauth, discovery: apis.discovery, batch: apis.batch))
        let limits = FrontEndLimits(
            maxHeaderBytes: settings.server.limits.maxHeaderBytes, maxBodyBytes: settings.server.limits.maxBodyBytes,
            idleTimeoutSeconds: min(settings.server.limits.readTimeoutSeconds, settings.server.limits.idleTimeoutSeconds),
            writeTimeoutSeconds: settings.server.limits.writeTimeoutSeconds,
            requestDeadlineSeconds: settings.server.limits.idleTimeoutSeconds + settings.server.limits.readTimeoutSeconds,
            maxInFlightPerLoop: settings.server.limits.maxInFlightPerLoop,
            maxConnectionsPerLoop: Runtime.connectionsPerLoop(settings, loops: group.loops.count))
        frontEnd =
            listeners.isEmpty
            ? nil
            : try HTTPServer(
                group: group, listeners: listeners, limits: limits, responder: responder,
                reject: { request, status in refusals.respond(to: request, status: status) }, observer: observers)

        if settings.admin.enabled {
            let transport = self.transport
            let admin = AdminResponder(metrics: metrics) { await Runtime.probe(transport, path: path) }
            adminServer = try HTTPServer(
                group: group, listeners: [ListenerConfiguration(address: settings.admin.address, port: settings.admin.port)],
                limits: FrontEndLimits(maxConnectionsPerLoop: Runtime.adminConnectionsPerLoop), responder: admin,
                reject: { _, status in Response.text(status, "rejected") })
        } else {
            adminServer = nil
        }
    }

    /// Descriptors kept out of the client connections' share: listeners, logs, certificates, the
    /// admin listener's connections and the in-process simulator's.
    static let reservedDescriptors = 128
    /// Connections the admin listener (probes, scrapes) keeps per loop.
    static let adminConnectionsPerLoop = 16

    /// The per-loop client connection cap: `server.limits.maxConnections`, or (0) what fits under
    /// `RLIMIT_NOFILE` after the backend pools (twice with the simulator: both ends are ours).
    static func connectionsPerLoop(_ settings: Settings, loops: Int) -> Int {
        if settings.server.limits.maxConnections > 0 {
            return max(1, settings.server.limits.maxConnections / max(1, loops))
        }
        let backend = loops * settings.cloudstack.pool.size * (settings.cloudstack.isSimulator ? 2 : 1)
        let admin = settings.admin.enabled ? loops * adminConnectionsPerLoop : 0
        return DescriptorBudget.connectionsPerLoop(
            limit: DescriptorBudget.softLimit(), reserved: reservedDescriptors + backend + admin, loops: loops)
    }

    /// The simulator configuration from `simulator.*` settings.
    static func simulatorConfiguration(_ settings: SimulatorSettings) -> SimulatorConfiguration {
        var seed = SeedData.demo
        if settings.vms > 0 {
            seed = SeedData(userAccounts: 2, vmsPerAccount: settings.vms, volumesPerAccount: 1, tagsPerVM: 2)
        }
        return SimulatorConfiguration(
            seed: settings.seed.exposedValue, jobDurationNanos: UInt64(settings.jobDurationMilliseconds) * 1_000_000, seedData: seed,
            defaultLatencyNanos: UInt64(settings.latencyMilliseconds) * 1_000_000)
    }

    /// Loads the HTTPS certificate, key and SNI certificates.
    static func loadTLS(_ https: HTTPSSettings, metrics: MetricsRegistry) throws -> TLSServerContext {
        try TLSServerContext(
            certificateChainFile: https.certificate, privateKeyFile: https.privateKey,
            sni: https.sni.map { ($0.hostname, $0.certificate, $0.privateKey) },
            handshakeObserver: { metrics.tlsHandshake(success: $0) })
    }

    /// Re-reads the certificate and key (SIGHUP); live connections keep the old ones.
    func reloadTLS() {
        guard let tls else {
            logger.info("SIGHUP: no HTTPS listener, nothing to reload")
            return
        }
        do {
            tls.replace(with: try Runtime.loadTLS(settings.server.https, metrics: metrics))
            logger.info("reloaded TLS certificate", metadata: ["certificate": "\(settings.server.https.certificate)"])
        } catch {
            logger.error("TLS reload failed; keeping the current certificate", metadata: ["error": "\(error)"])
        }
    }

    /// CloudStack is reachable when it answers HTTP at all (even 401): the bridge can talk to it.
    static func probe(_ transport: PooledTransport, path: String) async -> AdminResponder.Readiness {
        do {
            _ = try await transport.send(
                OutboundRequest(method: .get, target: "\(path)?command=listCapabilities&response=json", idempotent: true))
            return .ready
        } catch {
            return .notReady(reason: "CloudStack unreachable: \(error)")
        }
    }

    /// Stops accepting, lets requests in flight finish within the grace period, then stops everything.
    func shutdown() async {
        frontEnd?.stopAccepting()
        adminServer?.stopAccepting()
        if let frontEnd {
            let drained = await frontEnd.drain(withinSeconds: Double(settings.server.shutdownGraceSeconds))
            if !drained { logger.warning("grace period over; closing connections with requests in flight") }
        }
        frontEnd?.close()
        adminServer?.close()
        await transport.shutdown()
        simulatorServer?.stopAccepting()
        simulatorServer?.close()
        group.shutdown()
    }
}
