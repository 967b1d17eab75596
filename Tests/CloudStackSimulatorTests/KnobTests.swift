import Pipeline
import Testing

@testable import CloudStackSimulator

@Suite struct KnobTests {
    @Test func latencyIsReturnedPerCommand() {
        let cloud = TestCloud()
        cloud.simulator.setLatency(command: "listZones", nanos: 5_000_000)
        cloud.simulator.setLatency(command: nil, nanos: 1_000)
        var params = [("command", "listZones"), ("apiKey", cloud.user1.apiKey), ("response", "json")]
        params.append(("signature", TestClient.signature(params, secret: cloud.user1.secret)))
        let query = params.map { "\($0.0)=\(TestClient.encode($0.1))" }.joined(separator: "&")
        #expect(cloud.simulator.handle(Request(method: .get, uri: "/client/api?" + query)).delayNanos == 5_000_000)
        var other = [("command", "listRegions"), ("apiKey", cloud.user1.apiKey), ("response", "json")]
        other.append(("signature", TestClient.signature(other, secret: cloud.user1.secret)))
        let otherQuery = other.map { "\($0.0)=\(TestClient.encode($0.1))" }.joined(separator: "&")
        #expect(cloud.simulator.handle(Request(method: .get, uri: "/client/api?" + otherQuery)).delayNanos == 1_000)
    }

    @Test func internalErrorInjection() {
        let cloud = TestCloud()
        cloud.simulator.setErrorInjection(ErrorInjection(internalErrorRate: 1))
        let answer = cloud.user1.call("listZones")
        #expect(answer.status == 530)
        #expect(
            answer.text
                == "{\"listzonesresponse\":{\"uuidList\":[],\"errorcode\":530,\"cserrorcode\":9999,\"errortext\":\"Internal error executing command, please contact your system administrator\"}}"
        )
        cloud.simulator.setErrorInjection(ErrorInjection())
        #expect(cloud.user1.call("listZones").status == 200)
    }

    @Test func faultsUseResponseFault() {
        let cloud = TestCloud()
        func reply() -> Response {
            var params = [("command", "listZones"), ("apiKey", cloud.user1.apiKey), ("response", "json")]
            params.append(("signature", TestClient.signature(params, secret: cloud.user1.secret)))
            let query = params.map { "\($0.0)=\(TestClient.encode($0.1))" }.joined(separator: "&")
            return cloud.simulator.handle(Request(method: .get, uri: "/client/api?" + query)).response
        }
        cloud.simulator.setErrorInjection(ErrorInjection(resetRate: 1))
        #expect(reply().fault == .resetConnection)
        cloud.simulator.setErrorInjection(ErrorInjection(truncateRate: 1))
        let truncated = reply()
        #expect(truncated.fault == .truncateBody(keep: truncated.body.count / 2))
        cloud.simulator.setErrorInjection(ErrorInjection(invalidJSONRate: 1))
        let invalid = reply()
        #expect(invalid.status == 200)
        #expect(JSONValue.parse(invalid.body) == nil)
    }

    @Test func partialRatesAreDeterministicAndRoughlyProportional() {
        func count() -> Int {
            let cloud = TestCloud()
            cloud.simulator.setErrorInjection(ErrorInjection(internalErrorRate: 0.3))
            return (0..<200).filter { _ in cloud.user1.call("listRegions").status == 530 }.count
        }
        let first = count()
        #expect(first == count())
        #expect((30...90).contains(first))
    }

    @Test func throttlingAnswers429PerAccountAndExemptsRootAdmin() {
        let cloud = TestCloud()
        cloud.simulator.setErrorInjection(ErrorInjection(throttleMax: 2, throttleIntervalNanos: 1_000_000_000))
        #expect(cloud.user1.call("listZones").status == 200)
        #expect(cloud.user1.call("listZones").status == 200)
        let limited = cloud.user1.call("listZones")
        #expect(limited.status == 429)
        #expect(
            limited.text
                == "{\"listzonesresponse\":{\"uuidList\":[],\"errorcode\":429,\"cserrorcode\":9999,\"errortext\":\"The given user has reached his/her account api limit, please retry after [1000] ms.\"}}"
        )
        #expect(limited.headers["Retry-After"] == nil)
        #expect(cloud.user2.call("listZones").status == 200)
        for _ in 0..<5 { #expect(cloud.admin.call("listZones").status == 200) }
        cloud.clock.advance(milliseconds: 1001)
        #expect(cloud.user1.call("listZones").status == 200)
    }

    @Test func jobDurationCanChangeAtRunTime() {
        let cloud = TestCloud()
        cloud.simulator.setJobDuration(nanos: 5_000_000_000)
        let c = cloud.catalog()
        let job =
            cloud.user1.call("deployVirtualMachine", [("zoneid", c.zone), ("serviceofferingid", c.offering), ("templateid", c.template)])
            .inner("deployvirtualmachineresponse")["jobid"] as? String ?? ""
        cloud.clock.advance(milliseconds: 1000)
        #expect(cloud.user1.call("queryAsyncJobResult", [("jobid", job)]).inner("queryasyncjobresultresponse")["jobstatus"] as? Int == 0)
        cloud.clock.advance(milliseconds: 4000)
        #expect(cloud.user1.call("queryAsyncJobResult", [("jobid", job)]).inner("queryasyncjobresultresponse")["jobstatus"] as? Int == 1)
    }

    @Test func seedDataScales() {
        let cloud = TestCloud(seedData: SeedData(userAccounts: 3, vmsPerAccount: 20, volumesPerAccount: 5, tagsPerVM: 3))
        let all = cloud.admin.call("listVirtualMachines", [("listall", "true")]).inner("listvirtualmachinesresponse")
        #expect(all["count"] as? Int == 60)
        let volumes = cloud.user1.call("listVolumes", [("type", "DATADISK")]).inner("listvolumesresponse")
        #expect(volumes["count"] as? Int == 5)
        let tags = cloud.user1.call("listTags").inner("listtagsresponse")
        #expect(tags["count"] as? Int == 60)
        cloud.simulator.seed(SeedData(userAccounts: 4))
        #expect(cloud.simulator.credentials.count == 4, "credentials are the start-up set")
        #expect(cloud.admin.call("listAccounts").inner("listaccountsresponse")["count"] as? Int == 5)
    }
}
