import Foundation
import Testing

@testable import Crypto

/// The demo's throw-away CA, checked by an independent implementation (the `openssl` command line) and by
/// loading the pair into a server context.
@Suite struct ThrowawayCATests {
    /// Writes the three PEMs into a fresh directory and returns their paths.
    static func write(_ issued: ThrowawayCA) throws -> (ca: String, certificate: String, key: String) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("throwaway-ca-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let paths = (
            directory.appendingPathComponent("ca.pem").path, directory.appendingPathComponent("server.pem").path,
            directory.appendingPathComponent("server.key").path
        )
        try issued.caCertificatePEM.write(toFile: paths.0, atomically: true, encoding: .utf8)
        try issued.serverCertificatePEM.write(toFile: paths.1, atomically: true, encoding: .utf8)
        try issued.serverPrivateKeyPEM.write(toFile: paths.2, atomically: true, encoding: .utf8)
        return paths
    }

    /// Runs `openssl` with `arguments`; its exit status and combined output.
    static func openssl(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    @Test func opensslVerifiesTheServerCertificateForEveryHostAgainstTheCA() throws {
        let issued = try ThrowawayCA.issue(hosts: ["localhost", "127.0.0.1", "::1", "bridge.example"], days: 2)
        #expect(issued.caCertificatePEM.hasPrefix("-----BEGIN CERTIFICATE-----"))
        let paths = try Self.write(issued)
        // The key (made at test time, never committed) is a private key whose public half is the certificate's.
        let keyPublic = try Self.openssl(["pkey", "-in", paths.key, "-pubout"])
        let certificatePublic = try Self.openssl(["x509", "-in", paths.certificate, "-noout", "-pubkey"])
        #expect(keyPublic.status == 0 && certificatePublic.status == 0, "\(keyPublic.output) \(certificatePublic.output)")
        #expect(keyPublic.output.hasPrefix("-----BEGIN PUBLIC KEY-----") && keyPublic.output == certificatePublic.output)
        for check in [
            ["-verify_hostname", "localhost"], ["-verify_ip", "127.0.0.1"], ["-verify_ip", "::1"], ["-verify_hostname", "bridge.example"],
        ] {
            let verify = try Self.openssl(
                ["verify", "-x509_strict", "-purpose", "sslserver", "-CAfile", paths.ca] + check + [paths.certificate])
            #expect(verify.status == 0, "\(check): \(verify.output)")
        }
        let otherHost = try Self.openssl(["verify", "-CAfile", paths.ca, "-verify_hostname", "other.example", paths.certificate])
        #expect(otherHost.status != 0)
        let extensions = try Self.openssl([
            "x509", "-noout", "-ext", "basicConstraints,subjectAltName,extendedKeyUsage", "-in", paths.certificate,
        ])
        #expect(extensions.output.contains("CA:FALSE"))
        #expect(extensions.output.contains("DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1, DNS:bridge.example"))
        #expect(extensions.output.contains("TLS Web Server Authentication"))
        let ca = try Self.openssl(["x509", "-noout", "-subject", "-ext", "basicConstraints,keyUsage", "-in", paths.ca])
        #expect(ca.output.contains("CA:TRUE, pathlen:0"))
        #expect(ca.output.contains("Certificate Sign"))
        // The key matches the certificate: a server context loads the pair.
        _ = try TLSServerContext(certificateChainFile: paths.certificate, privateKeyFile: paths.key)
    }

    @Test func anotherThrowawayCADoesNotVouchForThisCertificate() throws {
        let first = try Self.write(try ThrowawayCA.issue(hosts: ["localhost"]))
        let second = try Self.write(try ThrowawayCA.issue(hosts: ["localhost"]))
        let verify = try Self.openssl(["verify", "-CAfile", second.ca, first.certificate])
        #expect(verify.status != 0)
    }

    @Test(arguments: [[], [""], ["a,DNS:evil.example"], ["host name"], [String(repeating: "a", count: 254)]])
    func refusesNamesThatAreNotHostNames(_ hosts: [String]) {
        #expect(throws: TLSError.self) { try ThrowawayCA.issue(hosts: hosts) }
    }

    @Test(arguments: [0, -1, ThrowawayCA.maxDays + 1])
    func refusesValidityOutsideTheRange(_ days: Int) {
        #expect(throws: TLSError.self) { try ThrowawayCA.issue(hosts: ["localhost"], days: days) }
    }
}
