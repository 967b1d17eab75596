import Dispatch
import Foundation

/// Runs a command off the cooperative thread pool (a blocking wait there would stall every
/// other test's tasks) and returns (exit status, stdout+stderr). Tests only.
@discardableResult
func run(_ executable: String, _ arguments: [String], input: String? = nil) async throws -> (Int32, String) {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async {
            continuation.resume(with: Result { try runBlocking(executable, arguments, input: input) })
        }
    }
}

/// Runs a command, blocking the calling thread.
func runBlocking(_ executable: String, _ arguments: [String], input: String? = nil) throws -> (Int32, String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    let stdin = Pipe()
    process.standardInput = stdin
    try process.run()
    if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
    try? stdin.fileHandleForWriting.close()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// A self-signed certificate and key generated at test time (no private key is ever committed).
struct TestCertificate {
    let directory: String
    var certificate: String { directory + "/cert.pem" }
    var key: String { directory + "/key.pem" }

    init(commonName: String = "localhost") async throws {
        directory = NSTemporaryDirectory() + "sb-tls-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let (status, output) = try await run(
            "/usr/bin/openssl",
            [
                "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", directory + "/key.pem", "-out", directory + "/cert.pem",
                "-days", "1", "-subj", "/CN=\(commonName)", "-addext", "subjectAltName=DNS:\(commonName),IP:127.0.0.1",
            ])
        guard status == 0 else { throw CertificateError.failed(output) }
    }

    enum CertificateError: Error { case failed(String) }
}

/// Runs blocking work on a Dispatch thread so it does not occupy the cooperative pool.
func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(with: Result { try body() }) }
    }
}

/// Lets a non-Sendable value cross into `offPool`; the test uses it from one thread at a time.
struct Unchecked<T>: @unchecked Sendable {
    let value: T
}
