import CloudStack
import Pipeline
import Synchronization
import TestSupport
import Testing

private let pending = #"{"queryasyncjobresultresponse":{"jobid":"j1","jobstatus":0,"jobprocstatus":0,"jobresultcode":0}}"#
private let succeeded = #"""
    {"queryasyncjobresultresponse":{"accountid":"a","cmd":"org.apache.cloudstack.api.command.user.vm.DeployVMCmd","jobstatus":1,"jobprocstatus":0,"jobresultcode":0,"jobresulttype":"object","jobresult":{"virtualmachine":{"id":"vm1","name":"web","state":"Running","nic":[{"ipaddress":"10.1.1.5","isdefault":true}]}},"jobid":"j1"}}
    """#
private let failed = #"""
    {"queryasyncjobresultresponse":{"jobstatus":2,"jobprocstatus":0,"jobresultcode":533,"jobresulttype":"object","jobresult":{"errorcode":533,"errortext":"Unable to create a deployment for VM"},"jobid":"j1"}}
    """#

/// Answers the deploy with a receipt, then `pendingPolls` pending job states, then `final`.
private func jobTransport(pendingPolls: Int, final: String) -> ScriptedTransport {
    ScriptedTransport { request, index throws(TransportError) in
        let form = formParameters(request)
        if form["command"] == "deployVirtualMachine" { return ok(#"{"deployvirtualmachineresponse":{"id":"vm1","jobid":"j1"}}"#) }
        #expect(form["command"] == "queryAsyncJobResult" && form["jobid"] == "j1")
        return ok(index <= pendingPolls ? pending : final)
    }
}

@Test func runAwaitsTheTypedJobResult() async throws {
    let transport = jobTransport(pendingPolls: 3, final: succeeded)
    let clock = ManualClock.client()
    let client = CloudStackClient(transport: transport, environment: clock.environment())
    let vm = try await client.run(CommandTable.deployVirtualMachine, ["zoneid": "z"], as: testCredentials)
    #expect(vm.id == "vm1" && vm.state == "Running")
    #expect(vm.nic.first?.ipaddress == "10.1.1.5")
    #expect(transport.requests.count == 5)  // deploy + 3 pending + 1 done
    // 250 ms growing by 1.5.
    #expect(clock.sleeps == [250_000_000, 375_000_000, 562_500_000])
}

@Test func failedJobsThrowJobFailed() async throws {
    let transport = jobTransport(pendingPolls: 1, final: failed)
    let client = CloudStackClient(transport: transport, environment: ManualClock.client().environment())
    await #expect(
        throws: CloudStackError.jobFailed(
            JobFailure(jobid: "j1", jobstatus: 2, jobresultcode: 533, errorcode: 533, errortext: "Unable to create a deployment for VM"))
    ) { _ = try await client.run(CommandTable.deployVirtualMachine, as: testCredentials) }
}

@Test func jobsTimeOut() async throws {
    let transport = jobTransport(pendingPolls: .max, final: succeeded)
    var configuration = ClientConfiguration()
    configuration.jobPolling.timeoutNanos = 10_000_000_000
    let clock = ManualClock.client()
    let client = CloudStackClient(transport: transport, configuration: configuration, environment: clock.environment())
    do {
        _ = try await client.awaitJob("j1", as: testCredentials)
        Issue.record("expected a timeout")
    } catch {
        guard case .jobTimeout(let id, let waited) = error else {
            Issue.record("got \(error)")
            return
        }
        #expect(id == "j1")
        #expect(waited >= 10_000_000_000)
    }
    // Waits never pass the 2 s ceiling and their sum is exactly the timeout.
    #expect(clock.sleeps.allSatisfy { $0 <= 2_000_000_000 })
    #expect(clock.sleeps.reduce(0, +) == 10_000_000_000)
}

@Test func cancellationStopsPolling() async throws {
    let transport = jobTransport(pendingPolls: .max, final: succeeded)
    let polls = Mutex(0)
    let (thirdPoll, signal) = AsyncStream<Void>.makeStream()
    // The third wait parks until the task is cancelled (Task.sleep returns at once on cancellation),
    // so the test cancels mid-wait without any time passing.
    let parked = Clock(
        wallNanos: { 0 }, monotonicNanos: { 0 },
        sleep: { _ in
            let count = polls.withLock {
                $0 += 1
                return $0
            }
            if count >= 3 {
                signal.yield()
                try await Task.sleep(nanoseconds: 3_600_000_000_000)
            }
        })
    let client = CloudStackClient(transport: transport, environment: ClientEnvironment(clock: parked, random: { 0.5 }))
    let task = Task { () async throws(CloudStackError) -> AsyncJob in try await client.awaitJob("j1", as: testCredentials) }
    var reached = thirdPoll.makeAsyncIterator()
    _ = await reached.next()
    let before = transport.requests.count
    task.cancel()
    await #expect(throws: CloudStackError.cancelled) { _ = try await task.value }
    // No poll was sent after the cancellation.
    #expect(transport.requests.count == before)
    #expect(polls.withLock { $0 } == 3)
}

@Test func queryAsyncJobResultIsRetriedAsARead() async throws {
    let transport = ScriptedTransport { _, index throws(TransportError) in
        if index == 0 { throw .connectionReset }
        return ok(succeeded)
    }
    let client = CloudStackClient(transport: transport, environment: ManualClock.client().environment())
    let job = try await client.awaitJob("j1", as: testCredentials)
    #expect(job.status == .succeeded)
    #expect(try job.result(VirtualMachine.self, named: "virtualmachine")?.name == "web")
    #expect(transport.requests.count == 2)
}

@Test func successOnlyJobsDecodeSuccess() async throws {
    let transport = ScriptedTransport { request, _ throws(TransportError) in
        if formParameters(request)["command"] == "deleteSnapshot" { return ok(#"{"deletesnapshotresponse":{"jobid":"j1"}}"#) }
        return ok(#"{"queryasyncjobresultresponse":{"jobstatus":1,"jobresultcode":0,"jobresult":{"success":true},"jobid":"j1"}}"#)
    }
    let client = CloudStackClient(transport: transport, environment: ManualClock.client().environment())
    let result = try await client.run(CommandTable.deleteSnapshot, ["id": "s1"], as: testCredentials)
    #expect(result.success)
}
