import ArgumentParser
import CloudStackSimulator

/// `stackbridge demo`: the gateway in front of an in-process simulator seeded with a small demo cloud.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run StackBridge against a built-in CloudStack simulator with a small demo cloud.",
        discussion: "Prints ready-to-paste settings for awscli, boto3, the Google clients and gcloud, and writes the "
            + "demo user's service-account key file and a current access token into a private folder (a fresh one "
            + "under $TMPDIR, removed on exit, or --state-dir). The demo keys are derived from simulator.seed and "
            + "are for demonstration only.")

    @Option(name: .long, help: ArgumentHelp("YAML configuration file (cloudstack.endpoint is forced to the simulator).", valueName: "file"))
    var config: String?

    @Option(name: .long, help: "Async job duration in milliseconds (how long clients poll).")
    var jobMilliseconds: Int?

    @Option(
        name: .long, help: ArgumentHelp("Folder for the client files (kept on exit; default a fresh one under $TMPDIR).", valueName: "dir"))
    var stateDir: String?

    @Flag(name: .long, help: "Also serve HTTPS (server.https) with a certificate from a throw-away CA written to the folder.")
    var https = false

    func run() async throws {
        var settings = try Launcher.loadSettings(configFile: config)
        settings.cloudstack.endpoint = CloudStackSettings.simulatorEndpoint
        DemoInstanceTypes.apply(to: &settings.ec2.instanceTypes)
        if let jobMilliseconds { settings.simulator.jobDurationMilliseconds = max(0, jobMilliseconds) }
        let simulator = Runtime.simulatorConfiguration(settings.simulator)
        let session: DemoSession
        do {
            let folder = try DemoFolder.make(stateDirectory: stateDir, environment: ProcessEnvironment.current())
            session = DemoSession(folder: folder, caFile: https ? try DemoTLS.configure(&settings, folder: folder) : nil)
        } catch {
            Launcher.printError("stackbridge: cannot prepare the demo folder: \(error)")
            throw ExitCode(ExitCodes.unavailable)
        }
        // Also when the runtime cannot start: the folder may already hold the certificates. Stopping twice is harmless.
        defer { session.stop() }
        try await Launcher.run(
            settings: settings, simulator: simulator, banner: { try await session.start($0) }, beforeShutdown: session.stop)
    }
}
