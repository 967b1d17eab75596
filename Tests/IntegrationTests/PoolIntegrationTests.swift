import CloudStack
import CloudStackSimulator
import EventLoops
import Testing

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
                // Counted rather than assumed to be 1: on two busy cores a task can stall past the timeout here.
                let before = await cloud.transport.connectionsOpened()
                try await Task.sleep(nanoseconds: 4_500_000_000)
                _ = try await cloud.client.call(CommandTable.listZones, as: cloud.admin)
                #expect(await cloud.transport.connectionsOpened() == before + 1)
                #expect(cloud.serverConnections.opened.load(ordering: .relaxed) == before + 1)
            }
        }

        @Test func reconnectsAfterTheServerDropsIdleConnections() async throws {
            // The server closes idle connections after 1 s, well before the pool's own 30 s idle timeout.
            try await SimulatedCloud.run(pool: BackendPoolConfiguration(size: 2, idleTimeoutSeconds: 30), serverIdleSeconds: 1) { cloud in
                _ = try await cloud.client.call(CommandTable.listZones, as: cloud.admin)
                try await Task.sleep(nanoseconds: 2_000_000_000)
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
                let start = SimulatedCloud.epochNanos()
                await #expect(throws: CloudStackError.unavailable(.poolExhausted)) {
                    _ = try await cloud.client.call(CommandTable.listRegions, as: admin)
                }
                let waited = SimulatedCloud.epochNanos() - start
                #expect(waited < 700_000_000, "failed at the 100 ms queue deadline, not when the connection freed")
                #expect(try await !slow.items.isEmpty)
                #expect(cloud.responder.count("listRegions") == 0)
            }
        }
    }
}
