import ArgumentParser
import CloudStack
import EventLoops
import GCE

/// `stackbridge token`: prints a GCE access token for a CloudStack key pair (e.g. for gcloud's
/// `--access-token-file`). The pair is checked with CloudStack first, exactly as the OAuth endpoints do:
/// here with the configured management server, or by a running bridge's token endpoint (`--endpoint`).
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Print a GCE access token for a CloudStack API key pair.",
        discussion: "With --endpoint URL, asks that running bridge (for example `stackbridge demo`) for a token "
            + "with the client_credentials grant. Otherwise uses the same configuration as serve "
            + "(cloudstack.endpoint, gce.tokenKey): a token is only accepted by instances that share gce.tokenKey. "
            + "Prefer STACKBRIDGE_SECRET_KEY over --secret-key so the secret does not appear in the process list.")

    @Option(name: .long, help: ArgumentHelp("YAML configuration file.", valueName: "file"))
    var config: String?

    @Option(name: .long, help: "The CloudStack API key (the OAuth client id).")
    var apiKey: String

    @Option(name: .long, help: "The CloudStack secret key (or set STACKBRIDGE_SECRET_KEY).")
    var secretKey: String?

    @Option(name: .long, help: ArgumentHelp("Base URL of a running bridge whose token endpoint issues the token.", valueName: "url"))
    var endpoint: String?

    @Option(
        name: .long,
        help: ArgumentHelp("CA certificate file trusted for an https --endpoint (default the system store).", valueName: "file"))
    var caFile: String?

    func run() async throws {
        guard let secret = secretKey ?? ProcessEnvironment.current()["STACKBRIDGE_SECRET_KEY"], !secret.isEmpty else {
            throw ValidationError("give --secret-key or set STACKBRIDGE_SECRET_KEY")
        }
        if let endpoint {
            do {
                print(try await TokenEndpointRequest.accessToken(endpoint: endpoint, caFile: caFile, apiKey: apiKey, secretKey: secret))
            } catch {
                Launcher.printError("stackbridge: \(error)")
                throw ExitCode.failure
            }
            return
        }
        guard caFile == nil else { throw ValidationError("--ca-file is for --endpoint") }
        let settings = try Launcher.loadSettings(configFile: config)
        guard !settings.cloudstack.isSimulator else {
            throw ValidationError(
                "cloudstack.endpoint is the in-process simulator; ask a running bridge instead: "
                    + "`stackbridge token --endpoint URL` (stackbridge demo prints the line)")
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
