import Pipeline
import Synchronization
import TestSupport
import Testing

@testable import EventLoops

/// Counts connections as the backend server sees them.
final class CountingObserver: FrontEndObserver {
    let opened = Atomic<Int>(0)
    let closed = Atomic<Int>(0)
    func connectionOpened(tls: Bool) { opened.add(1, ordering: .relaxed) }
    func connectionClosed(tls: Bool) { closed.add(1, ordering: .relaxed) }
    func tlsHandshake(success: Bool) {}
    func shed(_ request: Request) {}
}

@Suite struct BackendPoolTests {
    /// A backend server plus a client loop group with a pooled transport to it.
    func withBackend<R>(
        responder: any Responder, pool: BackendPoolConfiguration, serverIdleSeconds: Int = 60, clientLoops: Int = 1,
        clock: Clock = .system, serverClock: Clock = .system, _ body: (PooledTransport, CountingObserver, HTTPServer) async throws -> R
    ) async throws -> R {
        let observer = CountingObserver()
        let serverGroup = try LoopGroup(count: 1)
        let server = try HTTPServer(
            group: serverGroup, listeners: [ListenerConfiguration(address: "127.0.0.1", port: 0)],
            limits: FrontEndLimits(idleTimeoutSeconds: serverIdleSeconds), responder: responder,
            reject: { _, status in Response.text(status, "no") }, observer: observer, clock: serverClock)
        let clientGroup = try LoopGroup(count: clientLoops)
        let transport = PooledTransport(
            group: clientGroup, endpoint: BackendEndpoint(host: "127.0.0.1", port: server.boundPorts[0]), configuration: pool,
            clock: clock)
        defer {
            server.stopAccepting()
            server.close()
            serverGroup.shutdown()
            clientGroup.shutdown()
        }
        let result = try await body(transport, observer, server)
        await transport.shutdown()
        return result
    }

    static let ok = ClosureResponder { request, _ in
        Response(status: 200, headers: Headers([("Content-Type", "application/json")]), body: Array("{\"uri\":\"\(request.uri)\"}".utf8))
    }

    static func get(_ path: String, idempotent: Bool = true) -> OutboundRequest {
        OutboundRequest(method: .get, target: path, idempotent: idempotent)
    }

    @Test func tenThousandRequestsReuseExactlyThePoolsConnections() async throws {
        try await withBackend(responder: Self.ok, pool: BackendPoolConfiguration(size: 4)) { transport, observer, _ in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for worker in 0..<8 {
                    group.addTask {
                        for i in 0..<1250 {
                            let response = try await transport.send(Self.get("/w\(worker)/\(i)"))
                            guard response.status == 200, String(decoding: response.body, as: UTF8.self) == "{\"uri\":\"/w\(worker)/\(i)\"}"
                            else {
                                throw TransportError.connectFailed("bad response")
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
            #expect(observer.opened.load(ordering: .relaxed) == 4)
            #expect(await transport.connectionsOpened() == 4)
        }
    }

    @Test func idleConnectionsAreClosedAndReplaced() async throws {
        let clock = ManualClock()
        try await withBackend(responder: Self.ok, pool: BackendPoolConfiguration(size: 2, idleTimeoutSeconds: 3), clock: clock.clock) {
            transport, observer, _ in
            _ = try await transport.send(Self.get("/1"))
            _ = try await transport.send(Self.get("/2"))
            #expect(await transport.connectionsOpened() == 1)
            // Idle times are read from the pool's clock: 2.9 s keeps the connection, 3 s more evicts it.
            clock.advance(milliseconds: 2_900)
            await transport.tick()
            _ = try await transport.send(Self.get("/3"))
            #expect(await transport.connectionsOpened() == 1)
            clock.advance(seconds: 3)
            await transport.tick()
            _ = try await transport.send(Self.get("/4"))
            #expect(await transport.connectionsOpened() == 2)
            #expect(observer.opened.load(ordering: .relaxed) == 2)
        }
    }

    @Test func reconnectsAfterTheServerDropsIdleConnections() async throws {
        // The server's idle cut-off (60 s on its own manual clock) comes well before the pool's (120 s, real clock).
        let serverClock = ManualClock()
        try await withBackend(
            responder: Self.ok, pool: BackendPoolConfiguration(size: 2, idleTimeoutSeconds: 120), serverIdleSeconds: 60,
            serverClock: serverClock.clock
        ) { transport, observer, server in
            _ = try await transport.send(Self.get("/before"))
            serverClock.advance(seconds: 60)
            server.checkDeadlines()
            let deadline = ContinuousClock.now + .seconds(10)
            while observer.closed.load(ordering: .relaxed) == 0 && ContinuousClock.now < deadline {
                try await Task.sleep(nanoseconds: 1_000_000)
            }
            #expect(observer.closed.load(ordering: .relaxed) == 1)
            // The close reaches the pool's loop as an event of its own: wait for the pool to have let go.
            while await transport.idleAndWaiting().idle > 0 && ContinuousClock.now < deadline {
                try await Task.sleep(nanoseconds: 1_000_000)
            }
            let after = try await transport.send(Self.get("/after"))
            #expect(after.status == 200)
            #expect(await transport.connectionsOpened() == 2)
        }
    }

    @Test func waitersFailAtTheQueueDeadline() async throws {
        let started = Atomic<Bool>(false)
        let release = Atomic<Bool>(false)
        let cancelled = Atomic<Bool>(false)
        let slow = ClosureResponder { _, _ in
            started.store(true, ordering: .relaxed)
            while !release.load(ordering: .relaxed) {
                do { try await Task.sleep(nanoseconds: 1_000_000) } catch { cancelled.store(true, ordering: .relaxed) }
            }
            return Response.text(200, "slow")
        }
        let clock = ManualClock()
        try await withBackend(responder: slow, pool: BackendPoolConfiguration(size: 1, queueDeadlineSeconds: 0.1), clock: clock.clock) {
            transport, _, _ in
            async let first = transport.send(Self.get("/slow"))
            // The only connection is busy once the backend has the first request.
            while !started.load(ordering: .relaxed) { try await Task.sleep(nanoseconds: 1_000_000) }
            let queued = Task { try await transport.send(Self.get("/queued")) }
            while await transport.idleAndWaiting().waiting == 0 { try await Task.sleep(nanoseconds: 1_000_000) }
            // Past the 100 ms queue deadline on the pool's clock, while the first request still holds the connection.
            clock.advance(milliseconds: 101)
            await transport.tick()
            await #expect(throws: TransportError.poolExhausted) { _ = try await queued.value }
            release.store(true, ordering: .relaxed)
            #expect(try await first.status == 200)
            let serverCancelled = cancelled.load(ordering: .relaxed)
            #expect(!serverCancelled, "the backend's request task was cancelled")
        }
    }

    @Test func aResetSurfacesAsConnectionResetAndTheConnectionIsReplaced() async throws {
        let resetting = ClosureResponder { request, _ in
            var response = Response.text(200, "x")
            if request.path == "/reset" { response.fault = .resetConnection }
            return response
        }
        try await withBackend(responder: resetting, pool: BackendPoolConfiguration(size: 1)) { transport, _, _ in
            _ = try await transport.send(Self.get("/fine"))
            await #expect(throws: TransportError.connectionReset) { _ = try await transport.send(Self.get("/reset")) }
            let again = try await transport.send(Self.get("/fine"))
            #expect(again.status == 200)
            #expect(await transport.connectionsOpened() == 2)
        }
    }
}

/// Records the pool's last reported queue length.
final class QueueObserver: BackendPoolObserver {
    let waiting = Atomic<Int>(0)
    func pool(loop: Int, inUse: Int, idle: Int, waiting: Int) { self.waiting.store(waiting, ordering: .relaxed) }
    func backendConnectionOpened() {}
}

extension BackendPoolTests {
    @Test func aCancelledWaiterLeavesTheQueueAtOnce() async throws {
        let started = Atomic<Bool>(false)
        let slow = ClosureResponder { _, _ in
            started.store(true, ordering: .relaxed)
            try? await Task.sleep(nanoseconds: 3_000_000_000)
            return Response.text(200, "slow")
        }
        let serverGroup = try LoopGroup(count: 1)
        let server = try HTTPServer(
            group: serverGroup, listeners: [ListenerConfiguration(address: "127.0.0.1", port: 0)], limits: FrontEndLimits(),
            responder: slow, reject: { _, status in Response.text(status, "no") })
        let clientGroup = try LoopGroup(count: 1)
        let queue = QueueObserver()
        let transport = PooledTransport(
            group: clientGroup, endpoint: BackendEndpoint(host: "127.0.0.1", port: server.boundPorts[0]),
            configuration: BackendPoolConfiguration(size: 1, queueDeadlineSeconds: 20), observer: queue)
        defer {
            server.stopAccepting()
            server.close()
            serverGroup.shutdown()
            clientGroup.shutdown()
        }
        async let first = transport.send(Self.get("/slow"))
        while !started.load(ordering: .relaxed) { try await Task.sleep(nanoseconds: 1_000_000) }
        let waiter = Task { try await transport.send(Self.get("/queued")) }
        while queue.waiting.load(ordering: .relaxed) == 0 { try await Task.sleep(nanoseconds: 1_000_000) }
        let cancelledAt = Clock.system.monotonicNanos()
        waiter.cancel()
        await #expect(throws: CancellationError.self) { _ = try await waiter.value }
        // Far sooner than the 20 s queue deadline, and before the busy connection frees up.
        #expect(Clock.system.monotonicNanos() - cancelledAt < 1_500_000_000)
        #expect(queue.waiting.load(ordering: .relaxed) == 0)
        #expect(try await first.status == 200)
        // The connection went idle rather than to the cancelled waiter: the next call reuses it.
        #expect(try await transport.send(Self.get("/after")).status == 200)
        #expect(await transport.connectionsOpened() == 1)
        await transport.shutdown()
    }
}
