import Foundation
import Testing

/// A CloudStack job that never ends must not hold a GCE `operations.wait` forever (issue #11): the wait
/// answers the still-running operation once `waitSeconds` (at most 120) have passed, as GCE does.
@Suite struct NeverEndingJobTests {
    @Test func waitOnAJobThatNeverEndsAnswersRunningAtItsDeadline() async throws {
        // Jobs take ten hours of the manual clock: as good as never for the test.
        let bridge = try TestBridge(seed: .empty, jobNanos: 36_000 * 1_000_000_000)
        let token = try await bridge.token()
        let (zone, image, machineType) = try await InstanceTests.setting(bridge, token)
        let body = """
            {"name": "stuck-1", "machineType": "zones/\(zone)/machineTypes/\(machineType)",
             "disks": [{"boot": true, "autoDelete": true, "initializeParams": {"sourceImage": "global/images/\(image)"}}],
             "networkInterfaces": [{"network": "global/networks/default"}]}
            """
        let insert = await bridge.send(.post, "/compute/v1/projects/user1/zones/\(zone)/instances", body: body, token: token)
        #expect(insert.status == 200, "\(String(decoding: insert.body, as: UTF8.self))")
        let operation = try #require(try JSONSerialization.jsonObject(with: Data(insert.body)) as? [String: Any])
        let name = try #require(operation["name"] as? String)
        let before = bridge.clock.epochSeconds
        let wait = await bridge.send(.post, "/compute/v1/projects/user1/zones/\(zone)/operations/\(name)/wait", token: token)
        #expect(wait.status == 200, "\(String(decoding: wait.body, as: UTF8.self))")
        let answered = try #require(try JSONSerialization.jsonObject(with: Data(wait.body)) as? [String: Any])
        #expect(answered["status"] as? String == "RUNNING")
        // It waited its full deadline on the clock, polling with backoff, and no longer.
        let waited = bridge.clock.epochSeconds - before
        #expect((120...125).contains(waited), "waited \(waited) s")
        #expect(bridge.clock.sleeps.allSatisfy { $0 <= 2_000_000_000 })
    }
}
