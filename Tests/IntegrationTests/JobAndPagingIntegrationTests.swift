import CloudStack
import CloudStackSimulator
import EventLoops
import Testing

extension IntegrationTests {
    /// Async job polling and pagination, against the simulator over loopback.
    @Suite struct JobAndPagingIntegrationTests {
        @Test func aJobIsPolledUntilItSucceeds() async throws {
            let slowJobs = SimulatorConfiguration(jobDurationNanos: 300_000_000, seedData: .empty)
            try await SimulatedCloud.run(simulator: slowJobs) { cloud in
                let parameters = try await cloud.deployParameters()
                let vm = try await cloud.client.run(CommandTable.deployVirtualMachine, parameters, as: cloud.user1)
                #expect(vm.state == "Running")
                #expect(vm.id != nil)
                // Polled over the wire (how often depends on scheduling; at least until it saw jobstatus 1).
                #expect(cloud.responder.count("queryAsyncJobResult") >= 1)
                let listed = try await cloud.client.listAll(CommandTable.listVirtualMachines, as: cloud.user1)
                #expect(listed.map(\.id) == [vm.id])
            }
        }

        @Test func aFailedJobThrowsJobFailedWithCloudStacksCodeAndText() async throws {
            let slowJobs = SimulatorConfiguration(jobDurationNanos: 100_000_000, seedData: .empty)
            try await SimulatedCloud.run(simulator: slowJobs) { cloud in
                let vm = try await cloud.client.run(CommandTable.deployVirtualMachine, try await cloud.deployParameters(), as: cloud.user1)
                let id = try #require(vm.id)
                // Starting a running VM fails inside the job, as in CloudStack.
                let error = await thrown { try await cloud.client.run(CommandTable.startVirtualMachine, ["id": id], as: cloud.user1) }
                guard case .jobFailed(let failure)? = error else {
                    Issue.record("expected .jobFailed, got \(String(describing: error))")
                    return
                }
                #expect(failure.jobstatus == 2)
                #expect(failure.jobresultcode == 530)
                #expect(failure.errortext.contains("already running"))
            }
        }

        @Test func aJobLongerThanThePollingTimeoutThrowsJobTimeout() async throws {
            let longJobs = SimulatorConfiguration(jobDurationNanos: 30_000_000_000, seedData: .empty)
            var client = SimulatedCloud.fastClient()
            client.jobPolling.timeoutNanos = 500_000_000
            try await SimulatedCloud.run(simulator: longJobs, client: client) { cloud in
                let receipt = try await cloud.client.call(
                    CommandTable.deployVirtualMachine, try await cloud.deployParameters(), as: cloud.user1)
                let start = cloud.clock.monotonicNanos
                let error = await thrown {
                    try await cloud.client.awaitResult(of: CommandTable.deployVirtualMachine, receipt, as: cloud.user1)
                }
                guard case .jobTimeout(let jobID, let waited)? = error else {
                    Issue.record("expected .jobTimeout, got \(String(describing: error))")
                    return
                }
                #expect(jobID == receipt.jobid)
                #expect(waited >= 500_000_000)
                let elapsed = cloud.clock.monotonicNanos - start
                #expect(elapsed < 5_000_000_000, "gave up near the 0.5 s timeout")
                // The job is still running in CloudStack: a timeout is the client's, not the job's.
                let job = try await cloud.client.call(CommandTable.queryAsyncJobResult, ["jobid": receipt.jobid], as: cloud.user1)
                #expect(job.status == .inProgress)
            }
        }

        static let manyVMs = SimulatorConfiguration(jobDurationNanos: 0, seedData: SeedData(userAccounts: 1, vmsPerAccount: 2_300))

        @Test(arguments: [(500, 5), (460, 5), (250, 10)])
        func listAllPagesThroughThousandsOfRows(pageSize: Int, expectedPages: Int) async throws {
            var client = SimulatedCloud.fastClient()
            client.pageSize = pageSize
            try await SimulatedCloud.run(simulator: Self.manyVMs, pool: BackendPoolConfiguration(size: 2), client: client) { cloud in
                let vms = try await cloud.client.listAll(CommandTable.listVirtualMachines, ["listall": "true"], as: cloud.admin)
                #expect(vms.count == 2_300)
                #expect(Set(vms.compactMap(\.id)).count == 2_300)
                // Page 1, then pages 2…n each once (read three at a time, so in any order); with 460 the fifth page is
                // full and `count` (not a short page) stops it.
                let pages = cloud.responder.pages("listVirtualMachines").map { Int($0 ?? "") ?? 0 }
                #expect(pages.first == 1)
                #expect(pages.sorted() == Array(1...expectedPages))
            }
        }

        @Test func listAllStopsAtTheLimitWithoutFetchingMorePages() async throws {
            try await SimulatedCloud.run(simulator: Self.manyVMs) { cloud in
                let vms = try await cloud.client.listAll(CommandTable.listVirtualMachines, ["listall": "true"], limit: 700, as: cloud.admin)
                #expect(vms.count == 700)
                #expect(cloud.responder.pages("listVirtualMachines") == ["1", "2"])
            }
        }
    }
}
