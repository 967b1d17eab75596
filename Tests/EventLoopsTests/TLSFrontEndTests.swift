import Crypto
import Dispatch
import Foundation
import Pipeline
import Synchronization
import TestSupport
import Testing

@testable import EventLoops

@Suite struct TLSFrontEndTests {
    static let hello = ClosureResponder { request, _ in
        Response(status: 200, headers: Headers([("Content-Type", "text/plain")]), body: Array("tls=\(request.isTLS)".utf8))
    }

    /// Handshake outcomes reported by every context a test builds.
    final class Handshakes: Sendable {
        let succeeded = Atomic<Int>(0)
        let failed = Atomic<Int>(0)
        func record(_ success: Bool) {
            if success { succeeded.add(1, ordering: .relaxed) } else { failed.add(1, ordering: .relaxed) }
        }
    }

    func withTLSServer<R>(
        observer: any FrontEndObserver = NoFrontEndObserver(), handshakes: Handshakes = Handshakes(),
        limits: FrontEndLimits = FrontEndLimits(), clock: Clock = .system,
        _ body: (HTTPServer, TLSServerContextHolder, TestCertificate) async throws -> R
    ) async throws -> R {
        let cert = try await TestCertificate()
        let holder = TLSServerContextHolder(
            try TLSServerContext(
                certificateChainFile: cert.certificate, privateKeyFile: cert.key, handshakeObserver: { handshakes.record($0) }))
        let group = try LoopGroup(count: 2)
        let server = try HTTPServer(
            group: group, listeners: [ListenerConfiguration(address: "127.0.0.1", port: 0, tls: holder)],
            limits: limits, responder: TLSFrontEndTests.hello, reject: { _, status in Response.text(status, "x") },
            observer: observer, clock: clock)
        defer {
            server.stopAccepting()
            server.close()
            group.shutdown()
        }
        return try await body(server, holder, cert)
    }

    @Test(arguments: ["1.2", "1.3"])
    func acceptsModernTLS(version: String) async throws {
        try await withTLSServer { server, _, cert in
            let port = server.boundPorts[0]
            let (status, output) = try await run(
                "/usr/bin/curl",
                [
                    "-sS", "--cacert", cert.certificate, "--tlsv\(version)", "--tls-max", version,
                    "-w", " %{http_code} %{num_connects}", "https://localhost:\(port)/a", "https://localhost:\(port)/b",
                    "--resolve", "localhost:\(port):127.0.0.1",
                ])
            #expect(status == 0, "\(output)")
            // Two requests over one kept-alive TLS connection: the second reports 0 new connects.
            #expect(output.contains("tls=true 200 1"))
            #expect(output.contains("tls=true 200 0"))
        }
    }

    /// A client that starts a handshake and never finishes it (a ClientHello record header and a few
    /// of its bytes) is cut off by the inactivity timeout, and nobody else waits for it meanwhile.
    @Test func aHandshakeThatNeverFinishesIsCutOffAndHurtsNoOne() async throws {
        let handshakes = Handshakes()
        // The cut comes from the connection check on the manual clock; libevent's 60 s timer is only the backstop.
        let clock = ManualClock()
        try await withTLSServer(handshakes: handshakes, limits: FrontEndLimits(idleTimeoutSeconds: 60), clock: clock.clock) {
            server, _, cert in
            let port = server.boundPorts[0]
            // Socket timeout 10 s: the server must close well before it, once the clock passes 60 s.
            let stalled = try RawHTTPClient(port: port, timeoutSeconds: 10)
            // Handshake record, TLS 1.0 framing, 512 bytes announced; ClientHello of 508, version 3.3: then nothing.
            try await stalled.send([0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xfc, 0x03, 0x03])
            let (status, output) = try await run(
                "/usr/bin/curl",
                [
                    "-sS", "--cacert", cert.certificate, "-w", " %{http_code}", "https://localhost:\(port)/meanwhile",
                    "--resolve", "localhost:\(port):127.0.0.1",
                ])
            #expect(status == 0, "\(output)")
            #expect(output.contains("tls=true 200"), "\(output)")
            clock.advance(seconds: 60)
            server.checkDeadlines()
            let started = ContinuousClock.now
            #expect(await stalled.waitForClose())
            #expect(ContinuousClock.now - started < .seconds(5))
        }
        #expect(handshakes.succeeded.load(ordering: .relaxed) == 1)
    }

    @Test(arguments: ["-tls1", "-tls1_1"])
    func refusesOldTLS(flag: String) async throws {
        let handshakes = Handshakes()
        try await withTLSServer(handshakes: handshakes) { server, _, _ in
            // SECLEVEL=0 makes the client really offer the old version; the refusal must come from us.
            let (status, output) = try await run(
                "/usr/bin/openssl",
                [
                    "s_client", "-connect", "127.0.0.1:\(server.boundPorts[0])", flag, "-cipher", "DEFAULT:@SECLEVEL=0",
                ], input: "")
            #expect(status != 0)
            #expect(output.contains("alert protocol version"), "\(output)")
        }
        #expect(handshakes.failed.load(ordering: .relaxed) == 1)
        #expect(handshakes.succeeded.load(ordering: .relaxed) == 0)
    }

    @Test func reloadSwapsCertificateWithoutDroppingLiveConnections() async throws {
        let handshakes = Handshakes()
        try await withTLSServer(handshakes: handshakes) { server, holder, first in
            let port = server.boundPorts[0]
            // A kept-alive HTTPS connection opened before the reload must keep working after it.
            let script = """
                import http.client, ssl, sys, hashlib
                ctx = ssl.create_default_context(cafile=sys.argv[2])
                c = http.client.HTTPSConnection('localhost', int(sys.argv[1]), context=ctx)
                c.request('GET', '/1'); r = c.getresponse(); print(r.status, r.read().decode(), flush=True)
                sys.stdin.readline()
                c.request('GET', '/2'); r = c.getresponse(); print(r.status, r.read().decode(), flush=True)
                print(hashlib.sha256(c.sock.getpeercert(True)).hexdigest(), flush=True)
                """
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", "-c", script, String(port), first.certificate]
            let output = Pipe()
            let input = Pipe()
            process.standardOutput = output
            process.standardInput = input
            try process.run()
            let reader = Unchecked(value: output.fileHandleForReading)
            let firstLine = try await offPool { () -> Data in
                var line = Data()
                while !line.contains(UInt8(ascii: "\n")) {
                    let chunk = reader.value.availableData
                    if chunk.isEmpty { break }
                    line.append(chunk)
                }
                return line
            }
            #expect(String(decoding: firstLine, as: UTF8.self).hasPrefix("200 tls=true"))
            let second = try await TestCertificate()
            // The old context object is dropped here while the kept-alive connection still uses its
            // SSL_CTX: its callbacks must keep working (they once read a freed Swift object).
            holder.replace(
                with: try TLSServerContext(
                    certificateChainFile: second.certificate, privateKeyFile: second.key, handshakeObserver: { handshakes.record($0) }))
            input.fileHandleForWriting.write(Data("go\n".utf8))
            let rest = String(decoding: try await offPool { reader.value.readDataToEndOfFile() }, as: UTF8.self)
            await withCheckedContinuation { continuation in
                DispatchQueue.global().async {
                    process.waitUntilExit()
                    continuation.resume()
                }
            }
            #expect(process.terminationStatus == 0)
            #expect(rest.hasPrefix("200 tls=true"), "\(rest)")
            // New connections get the new certificate.
            let after = try await run("/usr/bin/openssl", ["s_client", "-connect", "127.0.0.1:\(port)"], input: "").1
            let expected = try String(contentsOfFile: second.certificate, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(Self.certificateBlock(after) == expected)
            let old = try String(contentsOfFile: first.certificate, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(Self.certificateBlock(after) != old)
        }
        // The python connection before the reload and the s_client one after it.
        #expect(handshakes.succeeded.load(ordering: .relaxed) >= 2)
        #expect(handshakes.failed.load(ordering: .relaxed) == 0)
    }

    @Test func sniPicksTheCertificateForTheRequestedHostName() async throws {
        let main = try await TestCertificate(commonName: "localhost")
        let other = try await TestCertificate(commonName: "other.test")
        let context = try TLSServerContext(
            certificateChainFile: main.certificate, privateKeyFile: main.key,
            sni: [(hostname: "Other.Test", certificateChainFile: other.certificate, privateKeyFile: other.key)])
        let group = try LoopGroup(count: 1)
        let server = try HTTPServer(
            group: group, listeners: [ListenerConfiguration(address: "127.0.0.1", port: 0, tls: TLSServerContextHolder(context))],
            limits: FrontEndLimits(), responder: TLSFrontEndTests.hello, reject: { _, status in Response.text(status, "x") })
        defer {
            server.stopAccepting()
            server.close()
            group.shutdown()
        }
        let port = server.boundPorts[0]
        let expectedOther = try String(contentsOfFile: other.certificate, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let expectedMain = try String(contentsOfFile: main.certificate, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let viaSNI = try await run(
            "/usr/bin/openssl", ["s_client", "-connect", "127.0.0.1:\(port)", "-servername", "other.test"], input: ""
        ).1
        let plain = try await run("/usr/bin/openssl", ["s_client", "-connect", "127.0.0.1:\(port)", "-servername", "localhost"], input: "")
            .1
        #expect(Self.certificateBlock(viaSNI) == expectedOther)
        #expect(Self.certificateBlock(plain) == expectedMain)
    }

    static func certificateBlock(_ text: String) -> String? {
        guard let start = text.range(of: "-----BEGIN CERTIFICATE-----"),
            let end = text.range(of: "-----END CERTIFICATE-----", range: start.upperBound..<text.endIndex)
        else { return nil }
        return String(text[start.lowerBound..<end.upperBound])
    }
}
