import Dispatch
import Foundation
import TestSupport

/// Runs a command through the shared launcher, off the cooperative pool, and returns (exit status,
/// stdout followed by stderr): openssl s_client splits what the TLS tests look for across both.
@discardableResult
func run(_ executable: String, _ arguments: [String], input: String? = nil) async throws -> (Int32, String) {
    let outcome = try await Subprocess.launch(executable, arguments, input: Data((input ?? "").utf8))
    return (outcome.status, outcome.output + outcome.errors)
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
