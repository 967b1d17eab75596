import Dispatch
public import Foundation

/// Runs the external programs tests check against (python3 with botocore or cryptography, openssl,
/// ssh-keygen): one launcher for every test target.
public enum Subprocess {
    /// What a finished program left behind.
    public struct Outcome: Sendable {
        /// The exit status.
        public let status: Int32
        /// Everything written to standard output.
        public let stdout: Data
        /// Everything written to standard error.
        public let stderr: Data
        /// Standard output as text.
        public var output: String { String(decoding: stdout, as: UTF8.self) }
        /// Standard error as text.
        public var errors: String { String(decoding: stderr, as: UTF8.self) }
        /// Standard output split into lines.
        public var lines: [String] { output.split(separator: "\n").map(String.init) }
    }

    /// A program that exited non-zero, with its standard error.
    public struct Failure: Error, CustomStringConvertible {
        /// The program and its status and standard error.
        public let description: String

        /// A failure described by `description`.
        public init(description: String) {
            self.description = description
        }
    }

    /// Runs `executable` (looked up on `PATH` when it has no slash) with `input` on standard input,
    /// blocking the calling thread until it exits.
    public static func run(_ executable: String, _ arguments: [String], input: Data = Data()) throws -> Outcome {
        let process = Process()
        if executable.contains("/") {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [executable] + arguments
        }
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // Standard error is drained on its own thread: a program that fills one pipe while the
        // other is being read would otherwise block forever.
        let errors = Drain(stderr.fileHandleForReading)
        stdin.fileHandleForWriting.write(input)
        try? stdin.fileHandleForWriting.close()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = errors.wait()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, stdout: out, stderr: err)
    }

    /// `run`, off the cooperative thread pool: a blocking wait there would stall other tests' tasks.
    public static func launch(_ executable: String, _ arguments: [String], input: Data = Data()) async throws -> Outcome {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try run(executable, arguments, input: input) })
            }
        }
    }

    /// Runs `python3 -c script arguments…` and returns standard output; throws with standard error on
    /// a non-zero exit.
    public static func python(_ script: String, _ arguments: [String] = [], input: Data = Data()) throws -> Data {
        let outcome = try run("python3", ["-c", script] + arguments, input: input)
        guard outcome.status == 0 else { throw Failure(description: "python3 exited \(outcome.status): \(outcome.errors)") }
        return outcome.stdout
    }

    /// Reads a pipe to its end on a Dispatch thread.
    private final class Drain: @unchecked Sendable {
        // Written once on the reading thread before `done` is signalled; read only after `wait`.
        private var data = Data()
        private let done = DispatchSemaphore(value: 0)

        init(_ handle: FileHandle) {
            DispatchQueue.global().async {
                self.data = handle.readDataToEndOfFile()
                self.done.signal()
            }
        }

        func wait() -> Data {
            done.wait()
            return data
        }
    }
}
