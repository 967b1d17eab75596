import ArgumentParser
import EventLoops

/// `stackbridge`: the EC2 and GCE API gateway for Apache CloudStack.
@main
struct StackBridgeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stackbridge",
        abstract: "EC2 Query API and GCE compute v1 API gateway for Apache CloudStack.",
        discussion: "StackBridge terminates TLS for EC2 and GCE clients, authenticates them, translates each call "
            + "to CloudStack API calls and answers exactly as EC2 or GCE would.\n\n"
            + "Exit codes: 0 success; 1 runtime failure; 64 bad command line; 69 a listener or the "
            + "backend could not be set up; 78 invalid configuration.",
        subcommands: [ServeCommand.self, DemoCommand.self, SimulatorCommand.self, CheckConfigCommand.self, TokenCommand.self],
        defaultSubcommand: nil)

    /// Sets glibc's heap up (`HeapReturn.configure`: large blocks mapped on their own, few arenas) before any other
    /// thread allocates, since its arena cap binds only threads that have none yet; then parses and runs the command.
    static func main() async {
        HeapReturn.configure()
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}
