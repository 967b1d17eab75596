import ArgumentParser
import CloudStackSimulator
import EventLoops
import Pipeline

/// `stackbridge simulator`: the CloudStack simulator alone, for other clients and for benchmarks.
struct SimulatorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulator",
        abstract: "Run the built-in CloudStack management-server simulator alone and print its key pairs.",
        discussion: "It answers /client/api like CloudStack 4.18 (see docs/simulator.md).")

    @Option(name: .long, help: ArgumentHelp("YAML configuration file (simulator.* keys).", valueName: "file"))
    var config: String?

    @Option(name: .long, help: "Address to bind (default simulator.address).")
    var address: String?

    @Option(name: .long, help: "Port to bind (default simulator.port; 0 picks a free one).")
    var port: Int?

    @Option(name: .long, help: "Async job duration in milliseconds (0 for benchmarks).")
    var jobMilliseconds: Int?

    @Option(name: .long, help: "Running VMs to seed per user account (scale tests).")
    var vms: Int?

    func run() async throws {
        let signals = SignalWatcher()
        var settings = try Launcher.loadSettings(configFile: config)
        if let jobMilliseconds { settings.simulator.jobDurationMilliseconds = max(0, jobMilliseconds) }
        if let vms { settings.simulator.vms = max(0, vms) }
        let simulator = Simulator(configuration: Runtime.simulatorConfiguration(settings.simulator), clock: .system)
        let group: LoopGroup
        let server: HTTPServer
        do {
            group = try LoopGroup(count: settings.server.loops)
            server = try HTTPServer(
                group: group,
                listeners: [ListenerConfiguration(address: address ?? settings.simulator.address, port: port ?? settings.simulator.port)],
                limits: FrontEndLimits(maxHeaderBytes: 8192, maxBodyBytes: 1 << 20, idleTimeoutSeconds: 30),
                responder: SimulatorResponder(simulator: simulator), reject: { _, status in Response.text(status, "rejected") })
        } catch {
            Launcher.printError("stackbridge: cannot start the simulator: \(error)")
            throw ExitCode(ExitCodes.unavailable)
        }
        var lines = ["CloudStack simulator listening on http://\(address ?? settings.simulator.address):\(server.boundPorts[0])/client/api"]
        for keys in simulator.credentials {
            lines.append(
                "  \(keys.isAdmin ? "admin" : "user ") \(keys.account)/\(keys.username): apiKey=\(keys.apiKey) secretKey=\(keys.secretKey)")
        }
        print(lines.joined(separator: "\n"))
        fflushAll()
        _ = await signals.waitForStop()
        server.stopAccepting()
        server.close()
        group.shutdown()
    }
}
