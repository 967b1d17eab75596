import Foundation
import Pipeline
import Synchronization
import TestSupport
import Testing

@testable import EventLoops

@Suite struct LimitsTests {
    static let echo = ClosureResponder { request, _ in
        Response(status: 200, headers: Headers([("Content-Type", "text/plain")]), body: Array("\(request.body.count)".utf8))
    }

    @Test func bodyOverTheLimitGets413() async throws {
        try await withServer(limits: FrontEndLimits(maxBodyBytes: 1000), responder: Self.echo) { server in
            let ok = try RawHTTPClient(port: server.boundPorts[0])
            try await ok.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n" + String(repeating: "a", count: 1000))
            let accepted = try await ok.readReply()
            #expect(accepted.status == 200)
            #expect(accepted.text == "1000")
            let big = try RawHTTPClient(port: server.boundPorts[0])
            try await big.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1001\r\n\r\n" + String(repeating: "a", count: 1001))
            #expect(try await big.readReply().status == 413)
        }
    }

    @Test func headersOverTheLimitGet431() async throws {
        try await withServer(limits: FrontEndLimits(maxHeaderBytes: 2048), responder: Self.echo) { server in
            let client = try RawHTTPClient(port: server.boundPorts[0])
            #expect(try await client.get("/", headers: "X-Small: \(String(repeating: "b", count: 1000))\r\n").status == 200)
            let big = try RawHTTPClient(port: server.boundPorts[0])
            let refused = try await big.get("/", headers: "X-Big: \(String(repeating: "b", count: 3000))\r\n")
            #expect(refused.status == 431)
            #expect(refused.text == "too large")
        }
    }

    @Test func stalledClientIsCutOffAfterTheIdleTimeout() async throws {
        // libevent's own 60 s timer is only the backstop: the cut comes from the check on the manual clock.
        let clock = ManualClock()
        try await withServer(limits: FrontEndLimits(idleTimeoutSeconds: 60), clock: clock.clock, responder: Self.echo) { server in
            let client = try RawHTTPClient(port: server.boundPorts[0], timeoutSeconds: 10)
            try await client.send("GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ")
            // Just inside the timeout the connection is kept: the rest of the request is answered.
            try await Self.eventually { server.inputTimes().count == 1 }
            clock.advance(seconds: 59)
            server.checkDeadlines()
            let kept = try RawHTTPClient(port: server.boundPorts[0], timeoutSeconds: 10)
            try await kept.send("GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ")
            try await Self.eventually { server.inputTimes().count == 2 }
            clock.advance(seconds: 1)
            server.checkDeadlines()
            let start = ContinuousClock.now
            #expect(await client.waitForClose())
            #expect(ContinuousClock.now - start < .seconds(5))
            // The second connection has been quiet for 1 s only.
            try await kept.send("a\r\n\r\n")
            #expect(try await kept.readReply().status == 200)
        }
    }

    @Test func tricklingClientIsCutOffAtTheRequestDeadline() async throws {
        // Each byte arrives well inside the 60 s inactivity timeout, so only the 90 s deadline can end it.
        let clock = ManualClock()
        try await withServer(
            limits: FrontEndLimits(idleTimeoutSeconds: 60, requestDeadlineSeconds: 90), clock: clock.clock, responder: Self.echo
        ) { server in
            let client = try RawHTTPClient(port: server.boundPorts[0], timeoutSeconds: 10)
            try await client.send("GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ")
            try await Self.eventually { server.inputTimes().count == 1 }
            for _ in 0..<3 {
                clock.advance(seconds: 30)
                try await client.send("a")
                try await Self.eventually { server.inputTimes() == [clock.monotonicNanos] }
                server.checkDeadlines()
            }
            // 90 s since the accept, not more: still open. One more second and the deadline cuts it.
            try await client.send("a")
            clock.advance(seconds: 1)
            server.checkDeadlines()
            let start = ContinuousClock.now
            #expect(await client.waitForClose())
            #expect(ContinuousClock.now - start < .seconds(5))
        }
    }

    /// Sleeps a millisecond between looks (an event wait, not a timing one) until `condition` holds, for at
    /// most 30 seconds: a generous bound for a starved machine, never reached when the condition comes true.
    static func eventually(_ condition: () -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(30)
        while !condition() {
            if ContinuousClock.now > deadline { throw CancellationError() }
            try await Task.sleep(nanoseconds: 1_000_000)
        }
    }

    @Test func connectionsAreCountedFromAcceptToClose() async throws {
        let observer = CountingObserver()
        let group = try LoopGroup(count: 1)
        let server = try HTTPServer(
            group: group, listeners: [ListenerConfiguration(address: "127.0.0.1", port: 0)], limits: FrontEndLimits(),
            responder: Self.echo, reject: { _, status in Response.text(status, "no") }, observer: observer)
        defer {
            server.stopAccepting()
            server.close()
            group.shutdown()
        }
        do {
            let silent = try RawHTTPClient(port: server.boundPorts[0])
            let talking = try RawHTTPClient(port: server.boundPorts[0])
            #expect(try await talking.get("/").status == 200)
            _ = silent
        }
        // Both clients are gone now; a silent one is only noticed by the connection check (once a second, or now).
        let deadline = Clock.system.monotonicNanos() + 4_000_000_000
        while observer.closed.load(ordering: .relaxed) < 2 && Clock.system.monotonicNanos() < deadline {
            server.checkDeadlines()
            try await Task.sleep(nanoseconds: 1_000_000)
        }
        #expect(observer.opened.load(ordering: .relaxed) == 2)
        #expect(observer.closed.load(ordering: .relaxed) == 2)
    }

    @Test func aConnectionWritingASlowResponseStaysTracked() async throws {
        // evhttp clears only the read callback while it writes; the sweep must not take that for a
        // freed connection (it once released it, and the later close callback used freed memory).
        let answered = Atomic<Bool>(false)
        let big = ClosureResponder { _, _ in
            answered.store(true, ordering: .relaxed)
            return Response(
                status: 200, headers: Headers([("Content-Type", "application/octet-stream")]), body: [UInt8](repeating: 7, count: 16 << 20))
        }
        let observer = CountingObserver()
        let clock = ManualClock()
        let group = try LoopGroup(count: 1)
        let server = try HTTPServer(
            group: group, listeners: [ListenerConfiguration(address: "127.0.0.1", port: 0)], limits: FrontEndLimits(),
            responder: big, reject: { _, status in Response.text(status, "no") }, observer: observer, clock: clock.clock)
        defer {
            server.stopAccepting()
            server.close()
            group.shutdown()
        }
        do {
            let client = try RawHTTPClient(port: server.boundPorts[0], timeoutSeconds: 10)
            try await client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            // Not reading: the write stalls on a full socket buffer (16 MiB) while two checks run, past the 60 s
            // idle timeout (a connection writing is not idle) and inside the 90 s request deadline.
            try await Self.eventually { answered.load(ordering: .relaxed) && server.inFlight == 0 }
            for _ in 0..<2 {
                clock.advance(seconds: 40)
                server.checkDeadlines()
            }
            #expect(observer.closed.load(ordering: .relaxed) == 0)
            let reply = try await client.readReply()
            #expect(reply.status == 200)
            #expect(reply.body.count == 16 << 20)
        }
        let deadline = Clock.system.monotonicNanos() + 4_000_000_000
        while observer.closed.load(ordering: .relaxed) < 1 && Clock.system.monotonicNanos() < deadline {
            try await Task.sleep(nanoseconds: 20_000_000)
        }
        #expect(observer.opened.load(ordering: .relaxed) == 1)
        #expect(observer.closed.load(ordering: .relaxed) == 1)
    }

    @Test func loopAtItsCapShedsWith503() async throws {
        let release = Atomic<Bool>(false)
        let slow = ClosureResponder { _, _ in
            while !release.load(ordering: .relaxed) { try? await Task.sleep(nanoseconds: 2_000_000) }
            return Response.text(200, "slow")
        }
        try await withServer(loops: 1, limits: FrontEndLimits(maxInFlightPerLoop: 1), responder: slow) { server in
            let first = try RawHTTPClient(port: server.boundPorts[0])
            try await first.send("GET /1 HTTP/1.1\r\nHost: x\r\n\r\n")
            while server.inFlight == 0 { try await Task.sleep(nanoseconds: 1_000_000) }
            let second = try RawHTTPClient(port: server.boundPorts[0])
            let shed = try await second.get("/2")
            #expect(shed.status == 503)
            #expect(shed.text == "overloaded")
            release.store(true, ordering: .relaxed)
            #expect(try await first.readReply().status == 200)
        }
    }

    @Test func stopAcceptingLetsInFlightRequestsFinish() async throws {
        let release = Atomic<Bool>(false)
        let slow = ClosureResponder { _, _ in
            while !release.load(ordering: .relaxed) { try? await Task.sleep(nanoseconds: 2_000_000) }
            return Response.text(200, "finished")
        }
        try await withServer(responder: slow) { server in
            let port = server.boundPorts[0]
            let inFlight = try RawHTTPClient(port: port)
            try await inFlight.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            while server.inFlight == 0 { try await Task.sleep(nanoseconds: 1_000_000) }
            server.stopAccepting()
            #expect(throws: (any Error).self) { _ = try RawHTTPClient(port: port) }
            #expect(await server.drain(withinSeconds: 0.2) == false)
            release.store(true, ordering: .relaxed)
            let reply = try await inFlight.readReply()
            #expect(reply.status == 200)
            #expect(reply.text == "finished")
            #expect(await server.drain(withinSeconds: 2))
        }
    }

    // A client that closes with a FIN looks, on the server, exactly like one that only shut down its
    // sending side and still waits for the answer (HostileClientTests.aHalfClosedClientGetsItsWholeAnswer):
    // only a reset says it is gone, so this test's client resets.
    @Test func clientDisconnectCancelsTheRequestTask() async throws {
        let cancelled = Atomic<Bool>(false)
        let started = Atomic<Bool>(false)
        let waiting = ClosureResponder { _, _ in
            started.store(true, ordering: .relaxed)
            do {
                try await Task.sleep(nanoseconds: 5_000_000_000)
            } catch {
                cancelled.store(true, ordering: .relaxed)
            }
            return Response.text(200, "late")
        }
        try await withServer(responder: waiting) { server in
            do {
                let client = try RawHTTPClient(port: server.boundPorts[0])
                try await client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
                while !started.load(ordering: .relaxed) { try await Task.sleep(nanoseconds: 1_000_000) }
                client.abort()
            }
            let deadline = Clock.system.monotonicNanos() + 2_000_000_000
            while !cancelled.load(ordering: .relaxed) && Clock.system.monotonicNanos() < deadline {
                try await Task.sleep(nanoseconds: 5_000_000)
            }
            let wasCancelled = cancelled.load(ordering: .relaxed)
            #expect(wasCancelled)
            #expect(await server.drain(withinSeconds: 2))
        }
    }
}
