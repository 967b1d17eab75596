import ArgumentParser
import CloudStackSimulator
import Dispatch
import EventLoops
import Glibc
import Logging

/// Shared start-up for `serve` and `demo`: settings, logging, runtime, signals, ordered shutdown.
enum Launcher {
    /// Loads and validates the settings, or exits 78 with every problem listed.
    static func loadSettings(configFile: String?) throws -> Settings {
        do {
            return try Settings.load(configFile: configFile, environment: ProcessEnvironment.current())
        } catch {
            printError((["stackbridge: invalid configuration:"] + error.problems.map { "  \($0)" }).joined(separator: "\n"))
            throw ExitCode(ExitCodes.configuration)
        }
    }

    /// Starts the runtime, prints `banner` (made once the runtime is up), waits for a stop signal, runs
    /// `beforeShutdown` and shuts down. A banner that throws stops the process with 69, like a listener that
    /// cannot bind.
    static func run(
        settings: Settings, simulator: SimulatorConfiguration? = nil, banner: (@Sendable (Runtime) async throws -> String)?,
        beforeShutdown: @Sendable () -> Void = {}
    ) async throws {
        let signals = SignalWatcher()
        let format = settings.log.format
        let level = settings.log.level
        LoggingSystem.bootstrap { LineLogHandler(label: $0, format: format, level: level, sink: LineLogHandler.standardError) }
        let logger = Logger(label: "stackbridge")
        let runtime: Runtime
        do {
            runtime = try Runtime(settings: settings, simulatorConfiguration: simulator, logger: logger)
        } catch {
            printError("stackbridge: cannot start: \(error)")
            throw ExitCode(ExitCodes.unavailable)
        }
        let ports = runtime.frontEnd?.boundPorts.map(String.init).joined(separator: ",") ?? "-"
        logger.info(
            "started",
            metadata: [
                "publicURL": "\(runtime.publicURL)", "ports": "\(ports)", "loops": "\(runtime.group.loops.count)",
                "backend": "\(settings.cloudstack.isSimulator ? "simulator" : settings.cloudstack.endpoint)",
            ])
        signals.onReload { runtime.reloadTLS() }
        if let banner {
            do {
                print(try await banner(runtime))
                fflushAll()
            } catch {
                printError("stackbridge: cannot start: \(error)")
                beforeShutdown()
                await runtime.shutdown()
                throw ExitCode(ExitCodes.unavailable)
            }
        }
        let signal = await signals.waitForStop()
        logger.info("stopping", metadata: ["signal": "\(signal)"])
        beforeShutdown()
        await runtime.shutdown()
        logger.info("stopped")
    }

    /// Writes a line to standard error.
    static func printError(_ text: String) {
        let bytes = Array((text + "\n").utf8)
        _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    }
}
