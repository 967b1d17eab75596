import Glibc
import Pipeline
import Synchronization
import Testing

@testable import EventLoops

/// Starts a server on 127.0.0.1:0 with one or more loops and a responder; stops it afterwards.
func withServer<R>(
    loops: Int = 2, limits: FrontEndLimits = FrontEndLimits(), tls: (any Sendable)? = nil, clock: Clock = .system,
    responder: any Responder, _ body: (HTTPServer) async throws -> R
) async throws -> R {
    let group = try LoopGroup(count: loops)
    let server = try HTTPServer(
        group: group, listeners: [ListenerConfiguration(address: "127.0.0.1", port: 0)], limits: limits,
        responder: responder, reject: { _, status in Response.text(status, status == 503 ? "overloaded" : "too large") },
        clock: clock)
    defer {
        server.stopAccepting()
        server.close()
        group.shutdown()
    }
    return try await body(server)
}

@Suite struct HTTPServerTests {
    @Test func answersAndKeepsConnectionsAlive() async throws {
        let responder = ClosureResponder { request, _ in
            Response(status: 200, headers: Headers([("Content-Type", "text/plain")]), body: Array("hello \(request.path)".utf8))
        }
        try await withServer(responder: responder) { server in
            let client = try RawHTTPClient(port: server.boundPorts[0])
            for i in 0..<50 {
                let reply = try await client.get("/x\(i)?a=b")
                #expect(reply.status == 200)
                #expect(reply.text == "hello /x\(i)")
            }
        }
    }

    @Test func pipelineRunsOnItsOwnLoopThread() async throws {
        let mismatches = Atomic<Int>(0)
        let seen = Mutex<Set<Int>>([])
        let responder = ClosureResponder { _, _ in
            guard let before = Loop.current else {
                mismatches.add(1, ordering: .relaxed)
                return Response.text(500, "no loop")
            }
            try? await Task.sleep(nanoseconds: 1_000_000)
            if Loop.current !== before || !before.inLoopThread { mismatches.add(1, ordering: .relaxed) }
            seen.withLock { _ = $0.insert(before.index) }
            return Response.text(200, "ok")
        }
        try await withServer(loops: 2, responder: responder) { server in
            for _ in 0..<40 {
                let client = try RawHTTPClient(port: server.boundPorts[0])
                #expect(try await client.get("/").status == 200)
            }
        }
        #expect(mismatches.load(ordering: .relaxed) == 0)
        #expect(seen.withLock { $0.count } >= 1)
    }

    @Test func requestsAnsweredWithoutSuspendingLeaveNothingBehind() async throws {
        let responder = ClosureResponder { _, _ in Response.text(200, "ok") }
        try await withServer(loops: 1, responder: responder) { server in
            let client = try RawHTTPClient(port: server.boundPorts[0])
            for _ in 0..<20 {
                #expect(try await client.get("/").status == 200)
            }
            // Nothing waits for a disconnect watch, and no request counts as in flight.
            let loop = server.group.loops[0]
            let pending = await withCheckedContinuation { (done: CheckedContinuation<(Int, Int), Never>) in
                loop.execute { done.resume(returning: (loop.state.unwatched.count, loop.state.inFlight)) }
            }
            #expect(pending == (0, 0))
        }
    }
}
