import ArgumentParser
import Logging

/// `stackbridge serve`: runs the gateway until SIGTERM or SIGINT.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run StackBridge with the given configuration.",
        discussion: "With cloudstack.endpoint \"simulator\" (the default) the built-in CloudStack simulator serves "
            + "as the backend. SIGTERM/SIGINT stop accepting, let requests in flight finish within "
            + "server.shutdownGraceSeconds and exit 0; SIGHUP reloads the TLS certificate and key.")

    @Option(name: .long, help: ArgumentHelp("YAML configuration file.", valueName: "file"))
    var config: String?

    func run() async throws {
        let settings = try Launcher.loadSettings(configFile: config)
        try await Launcher.run(settings: settings, banner: nil)
    }
}
