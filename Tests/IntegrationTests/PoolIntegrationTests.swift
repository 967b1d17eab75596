import CloudStack
import CloudStackSimulator
import Pipeline
import Synchronization
import Testing

@testable import EventLoops

extension IntegrationTests {
    /// The connection pool under the CloudStack client, against the simulator over loopback.
    @Suite struct PoolIntegrationTests {
        @Test func tenThousandCallsOpenExactlyThePoolSize() async throws {
            try await SimulatedCloud.run(pool: BackendPoolConfiguration(size: 4)) { cloud in
                let admin = cloud.admin
                try await withThrowingTaskGroup(of: Int.self) { group in
                    for _ in 0..<8 {
                        group.addTask {
                            var zones = 0
                            for _ in 0..<1250 {
                                zones += try await cloud.client.call(CommandTable.listZones, as: admin).items.count
                            }
                            return zones
                        }
                    }
                    var total = 0
                    for try await zones in group { total += zones }
                    // Every answer decoded the simulator's zones, not an error page.
                    #expect(total >= 10_000)
                }
                #expect(cloud.responder.count("listZones") == 10_000)
                #expect(cloud.serverConnections.opened.load(ordering: .relaxed) == 4)
                #expect(await cloud.transport.connectionsOpened() == 4)
            }
        }

        @Test func idleConnectionsAreEvictedAndReplaced() async throws {
            try await SimulatedCloud.run(pool: BackendPoolConfiguration(size: 2, idleTimeoutSeconds: 3)) { cloud in
                _ = try await cloud.client.call(CommandTable.listZones, as: cloud.admin)
                #expect(await cloud.transport.connectionsOpened() == 1)
                // Idle for 2.9 s on the pool's clock: kept.
                cloud.clock.advance(milliseconds: 2_900)
                await cloud.transport.tick()
                _ = try await cloud.client.call(CommandTable.listZones, as: cloud.admin)
                #expect(await cloud.transport.connectionsOpened() == 1)
                // Idle for 3 s: evicted at the next tick and replaced by the next call.
                cloud.clock.advance(seconds: 3)
                await cloud.transport.tick()
                _ = try await cloud.client.call(CommandTable.listZones, as: cloud.admin)
                #expect(await cloud.transport.connectionsOpened() == 2)
                #expect(cloud.serverConnections.opened.load(ordering: .relaxed) == 2)
            }
        }

        @Test func reconnectsAfterTheServerDropsIdleConnections() async throws {
            // The server closes idle connections after 60 s on its own clock, well before the pool's 120 s.
            try await SimulatedCloud.run(pool: BackendPoolConfiguration(size: 2, idleTimeoutSeconds: 120), serverIdleSeconds: 60) { cloud in
                _ = try await cloud.client.call(CommandTable.listZones, as: cloud.admin)
                // The server's cut-off is checked on its manual clock; only the close event is waited for.
                cloud.serverClock.advance(seconds: 60)
                cloud.server.checkDeadlines()
                let deadline = Clock.system.monotonicNanos() + 10_000_000_000
                while cloud.serverConnections.closed.load(ordering: .relaxed) == 0 && Clock.system.monotonicNanos() < deadline {
                    try await Task.sleep(nanoseconds: 1_000_000)
                }
                #expect(cloud.serverConnections.closed.load(ordering: .relaxed) == 1)
                // The close reaches the pool's loop as an event of its own: wait for the pool to have let go.
                while await cloud.transport.idleAndWaiting().idle > 0 && Clock.system.monotonicNanos() < deadline {
                    try await Task.sleep(nanoseconds: 1_000_000)
                }
                let zones = try await cloud.client.call(CommandTable.listZones, as: cloud.admin)
                #expect(!zones.items.isEmpty)
                #expect(await cloud.transport.connectionsOpened() == 2)
                #expect(cloud.retries.retries.load(ordering: .relaxed) == 0)
            }
        }

        @Test func reconnectsAfterTheServerResetsABusyConnection() async throws {
            try await SimulatedCloud.run(pool: BackendPoolConfiguration(size: 1)) { cloud in
                _ = try await cloud.client.call(CommandTable.listZones, as: cloud.admin)
                cloud.responder.loseReplies(of: "listServiceOfferings")
                await #expect(throws: CloudStackError.unavailable(.connectionReset)) {
                    _ = try await cloud.client.call(CommandTable.listServiceOfferings, as: cloud.admin)
                }
                let zones = try await cloud.client.call(CommandTable.listZones, as: cloud.admin)
                #expect(!zones.items.isEmpty)
                // One connection before the resets; each reset attempt (1 + 2 retries) needed a new one.
                #expect(await cloud.transport.connectionsOpened() == 4)
                #expect(cloud.responder.count("listServiceOfferings") == 3)
            }
        }

        @Test func callsWaitingPastTheQueueDeadlineFailAsPoolExhausted() async throws {
            try await SimulatedCloud.run(pool: BackendPoolConfiguration(size: 1, queueDeadlineSeconds: 0.1)) { cloud in
                cloud.simulator.setLatency(command: "listZones", nanos: 800_000_000)
                let admin = cloud.admin
                async let slow = cloud.client.call(CommandTable.listZones, as: admin)
                // The only connection is busy once the server has the first request.
                while cloud.responder.count("listZones") == 0 { try await Task.sleep(nanoseconds: 1_000_000) }
                let outcome = Mutex<CloudStackError??>(nil)
                let queued = Task {
                    let error = await thrown { try await cloud.client.call(CommandTable.listRegions, as: admin) }
                    outcome.withLock { $0 = .some(error) }
                }
                // The waiter's deadline is on the pool's manual clock: move it on and tick until the waiter
                // is failed, while the slow call still holds the only connection (800 ms of real latency).
                var steps = 0
                while outcome.withLock({ $0 == nil }) && steps < 400 {
                    cloud.clock.advance(milliseconds: 50)
                    await cloud.transport.tick()
                    try await Task.sleep(nanoseconds: 1_000_000)
                    steps += 1
                }
                await queued.value
                #expect(outcome.withLock { $0 } == .some(.unavailable(.poolExhausted)))
                #expect(
                    cloud.responder.count("listZones") == 1 && cloud.responder.finished("listZones") == 0,
                    "failed at the queue deadline, not when the connection freed")
                #expect(try await !slow.items.isEmpty)
                #expect(cloud.responder.count("listRegions") == 0)
            }
        }
    }
}
