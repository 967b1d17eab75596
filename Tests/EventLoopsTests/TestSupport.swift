import Foundation

/// Runs a command and returns (exit status, stdout+stderr). Tests only.
@discardableResult
func run(_ executable: String, _ arguments: [String], input: String? = nil, timeout: Double = 20) throws -> (Int32, String) {
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

    init(commonName: String = "localhost") throws {
        directory = NSTemporaryDirectory() + "sb-tls-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let (status, output) = try run("/usr/bin/openssl", [
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", directory + "/key.pem", "-out", directory + "/cert.pem",
            "-days", "1", "-subj", "/CN=\(commonName)", "-addext", "subjectAltName=DNS:\(commonName),IP:127.0.0.1",
        ])
        guard status == 0 else { throw CertificateError.failed(output) }
    }

    /// The SHA-256 fingerprint of the certificate, to tell certificates apart.
    var fingerprint: String {
        (try? run("/usr/bin/openssl", ["x509", "-in", certificate, "-noout", "-fingerprint", "-sha256"]).1) ?? ""
    }

    enum CertificateError: Error { case failed(String) }
}
