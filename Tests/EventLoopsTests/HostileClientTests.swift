import Foundation
import Pipeline
import Synchronization
import Testing

@testable import EventLoops

/// Hostile and odd clients over real sockets (issue #11): each is answered by the server's `reject`
/// (the API-format renderer), never by evhttp's HTML, and a well-behaved client is never hurt.
@Suite struct HostileClientTests {
    static let echo = ClosureResponder { request, _ in
        Response(status: 200, headers: Headers([("Content-Type", "text/plain")]), body: Array("ok \(request.path)".utf8))
    }

    /// The refusal the tests' `reject` renders: it names the status and path, so a body that
    /// matches proves the answer came from `reject` and not from evhttp.
    static func refusal(_ status: Int, _ path: String) -> String { "refused \(status) \(path)" }

    /// A server whose `reject` records each refusal and answers `refusal(status, path)`.
    func withHostileServer<R>(
        loops: Int = 1, limits: FrontEndLimits = FrontEndLimits(), responder: any Responder = HostileClientTests.echo,
        _ body: (HTTPServer, Refusals) async throws -> R
    ) async throws -> R {
        let refused = Refusals()
        let group = try LoopGroup(count: loops)
        let server = try HTTPServer(
            group: group, listeners: [ListenerConfiguration(address: "127.0.0.1", port: 0)], limits: limits, responder: responder,
            reject: { request, status in
                refused.statuses.withLock { $0.append(status) }
                return Response(
                    status: status, headers: Headers([("Content-Type", "application/x-test")]),
                    body: Array(HostileClientTests.refusal(status, String(request.path)).utf8))
            })
        defer {
            server.stopAccepting()
            server.close()
            group.shutdown()
        }
        return try await body(server, refused)
    }

    static let smuggling: [(String, String)] = [
        (
            "two Content-Length values",
            "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 30\r\n\r\nhelloGET /b HTTP/1.1\r\nHost: x\r\n\r\n"
        ),
        ("space before the colon", "POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding : chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n"),
        ("signed Content-Length", "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: +5\r\n\r\nhello"),
        ("NUL in a header value", "GET /a HTTP/1.1\r\nHost: x\r\nX-Note: ab\u{0}cd\r\n\r\n"),
        ("NUL in a header name", "GET /a HTTP/1.1\r\nHost: x\r\nX-No\u{0}te: abcd\r\n\r\n"),
        ("no Host", "GET /a HTTP/1.1\r\nX-Note: a\r\n\r\n"),
        ("two Host headers", "GET /a HTTP/1.1\r\nHost: x\r\nHost: y\r\n\r\n"),
        (
            "Content-Length and Transfer-Encoding",
            "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"
        ),
        ("a coding evhttp does not decode", "POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n"),
    ]

    @Test(arguments: HostileClientTests.smuggling)
    func ambiguousFramingGets400AndTheConnectionCloses(_ name: String, _ raw: String) async throws {
        try await withHostileServer { server, refused in
            let client = try RawHTTPClient(port: server.boundPorts[0])
            try await client.send(raw)
            let reply = try await client.readReply()
            #expect(reply.status == 400, "\(name)")
            #expect(reply.text == Self.refusal(400, "/a"), "\(name)")
            #expect(reply.header("Connection")?.lowercased() == "close", "\(name)")
            // Nothing after the refused request is answered: the connection ends.
            #expect(await client.waitForClose(), "\(name)")
            #expect(refused.statuses.withLock { $0 } == [400], "\(name)")
            // The server goes on serving others.
            #expect(try await RawHTTPClient(port: server.boundPorts[0]).get("/fine").text == "ok /fine")
        }
    }

    @Test func headersOverEvhttpsOwnLimitGetTheAPIs431() async throws {
        // evhttp reads at most 4 x 2048 + 1024 bytes of head, then would answer in HTML itself.
        try await withHostileServer(limits: FrontEndLimits(maxHeaderBytes: 2048)) { server, refused in
            let client = try RawHTTPClient(port: server.boundPorts[0])
            try await client.send("GET /big?Action=X HTTP/1.1\r\nHost: x\r\nX-Big: \(String(repeating: "b", count: 40_000))\r\n\r\n")
            let reply = try await client.readReply()
            #expect(reply.status == 431)
            #expect(reply.text == Self.refusal(431, "/big"))
            #expect(reply.header("Content-Type") == "application/x-test")
            #expect(await client.waitForClose())
            #expect(refused.statuses.withLock { $0 } == [431])
        }
    }

    @Test func bodyOverTheLimitGetsTheAPIs413() async throws {
        try await withHostileServer(limits: FrontEndLimits(maxBodyBytes: 2 << 20)) { server, refused in
            let client = try RawHTTPClient(port: server.boundPorts[0])
            // evhttp refuses on the declared length, before any of the body is read.
            try await client.send("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: \((2 << 20) + 1)\r\n\r\n")
            let reply = try await client.readReply()
            #expect(reply.status == 413)
            #expect(reply.text == Self.refusal(413, "/upload"))
            #expect(await client.waitForClose())
            #expect(refused.statuses.withLock { $0 } == [413])
        }
    }

    @Test func aHalfClosedClientGetsItsWholeAnswer() async throws {
        let body = [UInt8](repeating: 42, count: 1 << 20)
        let slow = ClosureResponder { _, _ in
            // Longer than the 50 ms after which a running request gets its disconnect watch.
            try? await Task.sleep(nanoseconds: 200_000_000)
            return Response(status: 200, headers: Headers([("Content-Type", "application/octet-stream")]), body: body)
        }
        try await withHostileServer(responder: slow) { server, _ in
            let client = try RawHTTPClient(port: server.boundPorts[0])
            try await client.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n")
            client.shutdownWrite()
            let reply = try await client.readReply()
            #expect(reply.status == 200)
            #expect(reply.body == body)
            #expect(await client.waitForClose())
        }
    }

    @Test func aResetClientCancelsItsRequest() async throws {
        let cancelled = Atomic<Bool>(false)
        let started = Atomic<Bool>(false)
        let waiting = ClosureResponder { _, _ in
            started.store(true, ordering: .relaxed)
            do { try await Task.sleep(nanoseconds: 5_000_000_000) } catch { cancelled.store(true, ordering: .relaxed) }
            return Response.text(200, "late")
        }
        try await withHostileServer(responder: waiting) { server, _ in
            let client = try RawHTTPClient(port: server.boundPorts[0])
            try await client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(await eventually(within: 2) { started.load(ordering: .relaxed) })
            client.abort()
            #expect(await eventually(within: 2) { cancelled.load(ordering: .relaxed) })
            #expect(await server.drain(withinSeconds: 2))
        }
    }

    @Test func anIdleFloodAtTheCapNeverFailsAWellBehavedClient() async throws {
        try await withHostileServer(limits: FrontEndLimits(maxConnectionsPerLoop: 4)) { server, refused in
            let port = server.boundPorts[0]
            let baseline = openSockets(localPort: port)
            var flood: [RawHTTPClient] = []
            for round in 0..<20 {
                // Silent connections arrive faster than anything else...
                for _ in 0..<3 { flood.append(try RawHTTPClient(port: port)) }
                // ...and a client that sends its request is served every time.
                let client = try RawHTTPClient(port: port)
                let reply = try await client.get("/r\(round)")
                #expect(reply.status == 200, "round \(round)")
                #expect(reply.text == "ok /r\(round)", "round \(round)")
                // The cap plus its reserve of two bounds the descriptors, whatever the flood does.
                #expect(openSockets(localPort: port) - baseline <= FrontEndLimits(maxConnectionsPerLoop: 4).connectionHardLimit)
            }
            #expect(refused.statuses.withLock { $0 }.isEmpty)
            flood.removeAll()
            #expect(await eventually(within: 4) { openSockets(localPort: port) == baseline })
        }
    }

    @Test func overTheCapWithNothingIdleTheNewConnectionGets503() async throws {
        let release = Atomic<Bool>(false)
        let slow = ClosureResponder { request, _ in
            while !release.load(ordering: .relaxed) { try? await Task.sleep(nanoseconds: 2_000_000) }
            return Response.text(200, "slow \(request.path)")
        }
        try await withHostileServer(limits: FrontEndLimits(maxConnectionsPerLoop: 1), responder: slow) { server, refused in
            let busy = try RawHTTPClient(port: server.boundPorts[0])
            try await busy.send("GET /busy HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(await eventually(within: 2) { server.inFlight == 1 })
            let late = try RawHTTPClient(port: server.boundPorts[0])
            let shed = try await late.get("/late")
            #expect(shed.status == 503)
            #expect(shed.text == Self.refusal(503, "/late"))
            #expect(await late.waitForClose())
            release.store(true, ordering: .relaxed)
            #expect(try await busy.readReply().text == "slow /busy")
            #expect(refused.statuses.withLock { $0 } == [503])
        }
    }

    @Test func connectionCapFitsUnderTheDescriptorLimit() {
        let perLoop = DescriptorBudget.connectionsPerLoop(limit: 1024, reserved: 128, loops: 2)
        let hard = FrontEndLimits(maxConnectionsPerLoop: perLoop).connectionHardLimit
        #expect(perLoop > 300)
        #expect(hard * 2 + 128 <= 1024)
        #expect(DescriptorBudget.connectionsPerLoop(limit: 100, reserved: 128, loops: 4) == 1)
        #expect(DescriptorBudget.softLimit() > 0)
    }
}

/// The statuses a test server's `reject` was asked for.
final class Refusals: Sendable {
    let statuses = Mutex<[Int]>([])
}
