import Foundation

/// Runs python3 with a script and stdin, for checks against independent implementations (botocore).
enum Python {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs `script` with `input` on stdin and returns stdout; throws with stderr on a non-zero exit.
    static func run(_ script: String, input: Data = Data()) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(input)
        try stdin.fileHandleForWriting.close()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "python3 failed: " + String(decoding: err, as: UTF8.self))
        }
        return out
    }
}
