import CloudStack
import Pipeline
import Synchronization
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
    let clock = VirtualClock()
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
    let client = CloudStackClient(transport: transport, environment: VirtualClock().environment())
    await #expect(
        throws: CloudStackError.jobFailed(
            JobFailure(jobid: "j1", jobstatus: 2, jobresultcode: 533, errorcode: 533, errortext: "Unable to create a deployment for VM"))
    ) { _ = try await client.run(CommandTable.deployVirtualMachine, as: testCredentials) }
}

@Test func jobsTimeOut() async throws {
    let transport = jobTransport(pendingPolls: .max, final: succeeded)
    var configuration = ClientConfiguration()
    configuration.jobPolling.timeoutNanos = 10_000_000_000
    let clock = VirtualClock()
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
    let environment = ClientEnvironment(
        sleep: { _ in
            polls.withLock { $0 += 1 }
            try await Task.sleep(nanoseconds: 1_000_000)
        },
        random: { 0.5 }, monotonicNanos: { 0 }, epochSeconds: { 0 })
    let client = CloudStackClient(transport: transport, environment: environment)
    let task = Task { () async throws(CloudStackError) -> AsyncJob in try await client.awaitJob("j1", as: testCredentials) }
    while polls.withLock({ $0 }) < 3 { try await Task.sleep(nanoseconds: 1_000_000) }
    task.cancel()
    await #expect(throws: CloudStackError.cancelled) { _ = try await task.value }
    let after = transport.requests.count
    try await Task.sleep(nanoseconds: 20_000_000)
    #expect(transport.requests.count == after)
}

@Test func queryAsyncJobResultIsRetriedAsARead() async throws {
    let transport = ScriptedTransport { _, index throws(TransportError) in
        if index == 0 { throw .connectionReset }
        return ok(succeeded)
    }
    let client = CloudStackClient(transport: transport, environment: VirtualClock().environment())
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
    let client = CloudStackClient(transport: transport, environment: VirtualClock().environment())
    let result = try await client.run(CommandTable.deleteSnapshot, ["id": "s1"], as: testCredentials)
    #expect(result.success)
}
