import CloudStack
import CloudStackSimulator
import EventLoops
import Testing

extension IntegrationTests {
    /// Retries, throttling, garbage answers and signing, with the simulator's own faults and verifier.
    @Suite struct FaultIntegrationTests {
        /// A client whose retry budget never runs dry, so the test sees the retry rule and not the budget.
        static func patientClient(maxRetries: Int) -> ClientConfiguration {
            var configuration = SimulatedCloud.fastClient()
            configuration.retry.maxRetries = maxRetries
            configuration.retry.budgetCapacity = 10_000
            return configuration
        }

        @Test func readsAreRetriedThroughInjectedResets() async throws {
            try await SimulatedCloud.run(client: Self.patientClient(maxRetries: 8)) { cloud in
                cloud.simulator.setErrorInjection(ErrorInjection(resetRate: 0.3))
                for _ in 0..<60 {
                    let zones = try await cloud.client.call(CommandTable.listZones, as: cloud.user1)
                    #expect(!zones.items.isEmpty)
                }
                let retries = cloud.retries.retries.load(ordering: .relaxed)
                // 30 % of 60+ attempts: a run with no reset at all is practically impossible.
                #expect(retries > 5)
                // Every retry reached the server as one more request, and nothing else did.
                #expect(cloud.responder.count("listZones") == 60 + retries)
            }
        }

        @Test func aResetWriteIsNotRetriedAndReachesTheServerOnce() async throws {
            try await SimulatedCloud.run(client: Self.patientClient(maxRetries: 8)) { cloud in
                let parameters = try await cloud.deployParameters()
                cloud.simulator.setErrorInjection(ErrorInjection(resetRate: 1))
                await #expect(throws: CloudStackError.unavailable(.connectionReset)) {
                    _ = try await cloud.client.call(CommandTable.deployVirtualMachine, parameters, as: cloud.user1)
                }
                cloud.simulator.setErrorInjection(ErrorInjection())
                #expect(cloud.responder.count("deployVirtualMachine") == 1)
                #expect(cloud.retries.retries.load(ordering: .relaxed) == 0)
                // The simulator resets before running the command: nothing was created.
                let vms = try await cloud.client.listAll(CommandTable.listVirtualMachines, as: cloud.user1)
                #expect(vms.isEmpty)
            }
        }

        @Test func aWriteWhoseReplyIsLostCreatesExactlyOneVM() async throws {
            try await SimulatedCloud.run(client: Self.patientClient(maxRetries: 8)) { cloud in
                let parameters = try await cloud.deployParameters()
                // The dangerous case: CloudStack ran the command, then the connection died before the reply.
                cloud.responder.loseReplies(of: "deployVirtualMachine")
                await #expect(throws: CloudStackError.unavailable(.connectionReset)) {
                    _ = try await cloud.client.call(CommandTable.deployVirtualMachine, parameters, as: cloud.user1)
                }
                #expect(cloud.responder.count("deployVirtualMachine") == 1)
                let vms = try await cloud.client.listAll(CommandTable.listVirtualMachines, as: cloud.user1)
                #expect(vms.count == 1)
            }
        }

        @Test func throttledAnswersBecomeThrottledErrors() async throws {
            try await SimulatedCloud.run { cloud in
                cloud.simulator.setErrorInjection(ErrorInjection(throttleMax: 3, throttleIntervalNanos: 60_000_000_000))
                for _ in 0..<3 {
                    _ = try await cloud.client.call(CommandTable.listZones, as: cloud.user1)
                }
                let error = await thrown { try await cloud.client.call(CommandTable.listZones, as: cloud.user1) }
                guard case .throttled(let failure)? = error else {
                    Issue.record("expected .throttled, got \(String(describing: error))")
                    return
                }
                #expect(failure.status == 429 && failure.errorcode == 429)
                // Throttling is not retried, and the root admin is exempt.
                #expect(cloud.responder.count("listZones") == 4)
                _ = try await cloud.client.call(CommandTable.listZones, as: cloud.admin)
            }
        }

        @Test func invalidJSONBecomesAnUpstreamError() async throws {
            try await SimulatedCloud.run { cloud in
                cloud.simulator.setErrorInjection(ErrorInjection(invalidJSONRate: 1))
                let error = await thrown { try await cloud.client.call(CommandTable.listVirtualMachines, as: cloud.user1) }
                guard case .upstream(let status, _)? = error else {
                    Issue.record("expected .upstream, got \(String(describing: error))")
                    return
                }
                #expect(status == 200)
                #expect(cloud.responder.count("listVirtualMachines") == 1)
            }
        }

        @Test func truncatedBodiesNeverDecode() async throws {
            try await SimulatedCloud.run(client: Self.patientClient(maxRetries: 2)) { cloud in
                cloud.simulator.setErrorInjection(ErrorInjection(truncateRate: 1))
                let error = await thrown { try await cloud.client.call(CommandTable.listVirtualMachines, as: cloud.user1) }
                // evhttp sees the connection close before Content-Length bytes arrived: a reset to the
                // client, which retries the read; a body that did arrive short would be `.upstream`.
                switch error {
                case .unavailable(.connectionReset)?, .upstream?: break
                default: Issue.record("expected a reset or an upstream error, got \(String(describing: error))")
                }
                cloud.simulator.setErrorInjection(ErrorInjection())
                // The pool recovers: the next call gets a fresh connection and a whole answer.
                _ = try await cloud.client.call(CommandTable.listZones, as: cloud.user1)
            }
        }

        @Test func theSimulatorsVerifierAcceptsTheClientsSignatures() async throws {
            var v3 = SimulatedCloud.fastClient()
            v3.signatureExpirySeconds = 600
            try await SimulatedCloud.run(client: v3) { cloud in
                // signatureVersion=3 with `expires`, and a POST form for 8 KB of user data.
                var parameters = try await cloud.deployParameters()
                parameters["userdata"] = String(repeating: "QUJD", count: 2_000)
                parameters["displayname"] = "needs encoding: ü & = + /"
                let vm = try await cloud.client.run(CommandTable.deployVirtualMachine, parameters, as: cloud.user1)
                #expect(vm.displayname == "needs encoding: ü & = + /")
                let wrong = CloudStackCredentials(apiKey: cloud.user1.apiKey, secretKey: "not-the-secret")
                let error = await thrown { try await cloud.client.call(CommandTable.listZones, as: wrong) }
                guard case .api(let failure)? = error else {
                    Issue.record("expected .api, got \(String(describing: error))")
                    return
                }
                #expect(failure.errorcode == 401)
            }
        }
    }
}
