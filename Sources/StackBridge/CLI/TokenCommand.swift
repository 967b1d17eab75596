import ArgumentParser
import CloudStack
import EventLoops
import GCE

/// `stackbridge token`: prints a GCE access token for a CloudStack key pair (e.g. for gcloud's
/// `--access-token-file`). The pair is checked with CloudStack first, exactly as the OAuth endpoints do.
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Print a GCE access token for a CloudStack API key pair.",
        discussion: "Uses the same configuration as serve (cloudstack.endpoint, gce.tokenKey): a token is only "
            + "accepted by instances that share gce.tokenKey. Prefer STACKBRIDGE_SECRET_KEY over --secret-key "
            + "so the secret does not appear in the process list.")

    @Option(name: .long, help: ArgumentHelp("YAML configuration file.", valueName: "file"))
    var config: String?

    @Option(name: .long, help: "The CloudStack API key (the OAuth client id).")
    var apiKey: String

    @Option(name: .long, help: "The CloudStack secret key (or set STACKBRIDGE_SECRET_KEY).")
    var secretKey: String?

    func run() async throws {
        let settings = try Launcher.loadSettings(configFile: config)
        guard let secret = secretKey ?? ProcessEnvironment.current()["STACKBRIDGE_SECRET_KEY"], !secret.isEmpty else {
            throw ValidationError("give --secret-key or set STACKBRIDGE_SECRET_KEY")
        }
        guard !settings.cloudstack.isSimulator else {
            throw ValidationError(
                "cloudstack.endpoint is the in-process simulator; tokens need a running management server or `stackbridge demo`'s OAuth endpoint"
            )
        }
        if settings.gce.tokenKey.exposedValue.isEmpty {
            Launcher.printError("stackbridge: gce.tokenKey is empty: the token is only valid for this process's random key")
        }
        let group = try LoopGroup(count: 1)
        defer { group.shutdown() }
        let (endpoint, path) = try BackendWiring.endpoint(settings.cloudstack)
        let transport = PooledTransport(group: group, endpoint: endpoint, configuration: BackendWiring.pool(settings.cloudstack))
        let client = CloudStackClient(transport: transport, configuration: BackendWiring.client(settings.cloudstack, path: path))
        let issuer = try TokenIssuer(
            configuration: GCEConfiguration(
                publicBaseURL: settings.server.effectivePublicURL, tokenKey: try APIs.tokenKey(settings.gce),
                tokenLifetimeSeconds: settings.gce.tokenLifetimeSeconds),
            client: client)
        do {
            print(try await issuer.issueToken(apiKey: apiKey, secretKey: secret))
        } catch {
            Launcher.printError("stackbridge: \(error)")
            await transport.shutdown()
            throw ExitCode.failure
        }
        await transport.shutdown()
    }
}
