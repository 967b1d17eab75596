public import ArgumentParser

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `stackbridge check-config`: validates the configuration (file, environment, defaults) and
/// prints the effective settings with secrets redacted; exits 78 (EX_CONFIG) when invalid.
public struct CheckConfigCommand: ParsableCommand {
    /// The subcommand's name and help.
    public static let configuration = CommandConfiguration(
        commandName: "check-config",
        abstract: "Validate the configuration and print the effective settings (secrets redacted).",
        discussion: "Environment variables STACKBRIDGE_<KEY> override the file; see docs/configuration.md.")

    /// sysexits.h EX_CONFIG: the configuration is invalid.
    public static let invalidConfigurationExitCode: Int32 = 78

    /// The YAML configuration file; without it only the environment and defaults apply.
    @Option(name: .long, help: ArgumentHelp("YAML configuration file.", valueName: "file"))
    public var config: String?

    /// Creates the command (argument-parser fills in the options).
    public init() {}

    /// What a check prints and how it exits.
    struct Outcome: Equatable {
        var exitCode: Int32
        var standardOutput: String
        var standardError: String
    }

    /// Checks, prints, and exits 78 when invalid.
    public func run() throws {
        let outcome = CheckConfigCommand.check(configFile: config, environment: ProcessEnvironment.current())
        if !outcome.standardOutput.isEmpty { CheckConfigCommand.emit(outcome.standardOutput + "\n", to: 1) }
        if !outcome.standardError.isEmpty { CheckConfigCommand.emit(outcome.standardError + "\n", to: 2) }
        if outcome.exitCode != 0 { throw ExitCode(outcome.exitCode) }
    }

    /// Loads and validates; the effective lines on success, every problem on failure.
    static func check(configFile: String?, environment: [String: String]) -> Outcome {
        do {
            let settings = try Settings.load(configFile: configFile, environment: environment)
            let source =
                configFile.map { "# effective configuration from \($0) and the environment" }
                ?? "# effective configuration from defaults and the environment"
            return Outcome(
                exitCode: 0, standardOutput: ([source] + settings.effectiveLines).joined(separator: "\n"),
                standardError: "")
        } catch {
            let header = "stackbridge: invalid configuration (\(error.problems.count) problem\(error.problems.count == 1 ? "" : "s")):"
            return Outcome(
                exitCode: invalidConfigurationExitCode, standardOutput: "",
                standardError: ([header] + error.problems.map { "  \($0)" }).joined(separator: "\n"))
        }
    }

    // Straight to the descriptor: C's `stderr` is a mutable global that strict concurrency rejects.
    private static func emit(_ text: String, to descriptor: Int32) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return -1 }
                return write(descriptor, base + offset, buffer.count - offset)
            }
            if written <= 0 { return }
            offset += written
        }
    }
}
