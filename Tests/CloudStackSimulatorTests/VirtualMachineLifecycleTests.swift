import Testing

@testable import CloudStackSimulator

@Suite struct VirtualMachineLifecycleTests {
    func vm(_ cloud: TestCloud, _ client: TestClient, _ id: String) -> [String: Any] {
        let list = client.call("listVirtualMachines", [("id", id), ("listall", "true")]).inner("listvirtualmachinesresponse")
        return (list["virtualmachine"] as? [[String: Any]])?.first ?? [:]
    }

    @Test func deployCreatesStoppedRowThenStartingThenRunning() {
        let cloud = TestCloud()
        let c = cloud.catalog()
        let reply = cloud.user1.call(
            "deployVirtualMachine", [("zoneid", c.zone), ("serviceofferingid", c.offering), ("templateid", c.template)])
        #expect(reply.status == 200)
        let inner = reply.inner("deployvirtualmachineresponse")
        let id = inner["id"] as? String ?? ""
        let jobID = inner["jobid"] as? String ?? ""
        #expect(Array(inner.keys).sorted() == ["id", "jobid"])
        // The job starts at once: the VM is Starting and shows the job on the item.
        let starting = vm(cloud, cloud.user1, id)
        #expect(starting["state"] as? String == "Starting")
        #expect(starting["jobid"] as? String == jobID)
        #expect(starting["jobstatus"] as? Int == 0)
        let pending = cloud.user1.call("queryAsyncJobResult", [("jobid", jobID)]).inner("queryasyncjobresultresponse")
        #expect(pending["jobstatus"] as? Int == 0)
        #expect(pending["jobresult"] == nil)
        #expect(pending["jobresultcode"] as? Int == 0)
        let done = cloud.user1.waitForJob(jobID, clock: cloud.clock)
        #expect(done["jobstatus"] as? Int == 1)
        #expect(done["jobresulttype"] as? String == "object")
        #expect(done["cmd"] as? String == "org.apache.cloudstack.api.command.user.vm.DeployVMCmd")
        let result = (done["jobresult"] as? [String: Any])?["virtualmachine"] as? [String: Any]
        #expect(result?["state"] as? String == "Running")
        let running = vm(cloud, cloud.user1, id)
        #expect(running["state"] as? String == "Running")
        #expect(running["jobid"] == nil)
        let volumes = cloud.user1.call("listVolumes", [("virtualmachineid", id)]).inner("listvolumesresponse")["volume"] as? [[String: Any]]
        #expect(volumes?.count == 1)
        #expect(volumes?.first?["type"] as? String == "ROOT")
        #expect(volumes?.first?["deviceid"] as? Int == 0)
        #expect(volumes?.first?["state"] as? String == "Ready")
    }

    @Test func startVMFalseStaysStopped() {
        let cloud = TestCloud()
        let id = cloud.deploy(cloud.user1, [("startvm", "false")])
        #expect(vm(cloud, cloud.user1, id)["state"] as? String == "Stopped")
    }

    @Test func startingARunningVMFailsInTheJobWith530() {
        let cloud = TestCloud()
        let id = cloud.deploy(cloud.user1)
        let job = cloud.user1.call("startVirtualMachine", [("id", id)]).inner("startvirtualmachineresponse")["jobid"] as? String ?? ""
        let result = cloud.user1.waitForJob(job, clock: cloud.clock)
        #expect(result["jobstatus"] as? Int == 2)
        #expect(result["jobresultcode"] as? Int == 530)
        let failure = result["jobresult"] as? [String: Any] ?? [:]
        #expect(Array(failure.keys).sorted() == ["errorcode", "errortext"])
        #expect(failure["errorcode"] as? Int == 530)
        #expect((failure["errortext"] as? String ?? "").contains("is already running"))
    }

    @Test func stopThenStartWalksTheStateMachine() {
        let cloud = TestCloud()
        let id = cloud.deploy(cloud.user1)
        let stop = cloud.user1.call("stopVirtualMachine", [("id", id)]).inner("stopvirtualmachineresponse")["jobid"] as? String ?? ""
        #expect(vm(cloud, cloud.user1, id)["state"] as? String == "Stopping")
        _ = cloud.user1.waitForJob(stop, clock: cloud.clock)
        #expect(vm(cloud, cloud.user1, id)["state"] as? String == "Stopped")
        let start = cloud.user1.call("startVirtualMachine", [("id", id)]).inner("startvirtualmachineresponse")["jobid"] as? String ?? ""
        #expect(vm(cloud, cloud.user1, id)["state"] as? String == "Starting")
        let done = cloud.user1.waitForJob(start, clock: cloud.clock)
        #expect(done["jobstatus"] as? Int == 1)
        #expect(vm(cloud, cloud.user1, id)["state"] as? String == "Running")
    }

    @Test func jobsOnOneVMAreSerialized() {
        let cloud = TestCloud()
        let id = cloud.deploy(cloud.user1)
        let stop = cloud.user1.call("stopVirtualMachine", [("id", id)]).inner("stopvirtualmachineresponse")["jobid"] as? String ?? ""
        let start = cloud.user1.call("startVirtualMachine", [("id", id)]).inner("startvirtualmachineresponse")["jobid"] as? String ?? ""
        cloud.clock.advance(milliseconds: 350)
        let first = cloud.user1.call("queryAsyncJobResult", [("jobid", stop)]).inner("queryasyncjobresultresponse")
        let second = cloud.user1.call("queryAsyncJobResult", [("jobid", start)]).inner("queryasyncjobresultresponse")
        #expect(first["jobstatus"] as? Int == 1)
        #expect(second["jobstatus"] as? Int == 0)
        #expect(vm(cloud, cloud.user1, id)["state"] as? String == "Starting")
        cloud.clock.advance(milliseconds: 300)
        #expect(vm(cloud, cloud.user1, id)["state"] as? String == "Running")
    }

    @Test func stoppingAStoppedVMSucceedsAsAdvanceStopDoes() {
        let cloud = TestCloud()
        let id = cloud.deploy(cloud.user1, [("startvm", "false")])
        let job = cloud.user1.call("stopVirtualMachine", [("id", id)]).inner("stopvirtualmachineresponse")["jobid"] as? String ?? ""
        let result = cloud.user1.waitForJob(job, clock: cloud.clock)
        #expect(result["jobstatus"] as? Int == 1)
        #expect(vm(cloud, cloud.user1, id)["state"] as? String == "Stopped")
    }

    @Test func destroyRunningVMStopsFirstThenHidesItFromUsers() {
        let cloud = TestCloud()
        let id = cloud.deploy(cloud.user1)
        let job = cloud.user1.call("destroyVirtualMachine", [("id", id)]).inner("destroyvirtualmachineresponse")["jobid"] as? String ?? ""
        #expect(vm(cloud, cloud.user1, id)["state"] as? String == "Stopping")
        let result = cloud.user1.waitForJob(job, clock: cloud.clock)
        let destroyed = (result["jobresult"] as? [String: Any])?["virtualmachine"] as? [String: Any]
        #expect(destroyed?["state"] as? String == "Destroyed")
        #expect(cloud.user1.call("listVirtualMachines", [("id", id)]).text == "{\"listvirtualmachinesresponse\":{}}")
        #expect(vm(cloud, cloud.admin, id)["state"] as? String == "Destroyed")
        // recoverVirtualMachine brings it back Stopped.
        let recovered = cloud.admin.call("recoverVirtualMachine", [("id", id)]).inner("recovervirtualmachineresponse")
        #expect((recovered["virtualmachine"] as? [String: Any])?["state"] as? String == "Stopped")
        // expunge needs Destroyed; admin-only for users (432).
        #expect(cloud.user1.call("expungeVirtualMachine", [("id", id)]).status == 432)
    }

    @Test func destroyWithExpungeRemovesTheRow() {
        let cloud = TestCloud()
        let id = cloud.deploy(cloud.user1)
        let job =
            cloud.admin.call("destroyVirtualMachine", [("id", id), ("expunge", "true")]).inner("destroyvirtualmachineresponse")["jobid"]
            as? String ?? ""
        _ = cloud.admin.waitForJob(job, clock: cloud.clock)
        let answer = cloud.admin.call("startVirtualMachine", [("id", id)])
        #expect(answer.status == 431)
        #expect(
            (answer.inner("startvirtualmachineresponse")["errortext"] as? String ?? "").hasPrefix(
                "Unable to execute API command startvirtualmachine due to invalid value. Invalid parameter id value=\(id)"))
        #expect(cloud.admin.call("listVolumes", [("virtualmachineid", id), ("listall", "true")]).text == "{\"listvolumesresponse\":{}}")
    }

    @Test func userDataRoundTripsAndPasswordIsReturned() {
        let cloud = TestCloud()
        let id = cloud.deploy(cloud.user1)
        let update = cloud.user1.call("updateVirtualMachine", [("id", id), ("userdata", "aGVsbG8gd29ybGQ=")])
        #expect(update.status == 200)
        let listed = cloud.user1.call("listVirtualMachines", [("id", id), ("userdata", "true")]).inner("listvirtualmachinesresponse")
        #expect((listed["virtualmachine"] as? [[String: Any]])?.first?["userdata"] as? String == "aGVsbG8gd29ybGQ=")
        let without = vm(cloud, cloud.user1, id)
        #expect(without["userdata"] == nil)
        let bad = cloud.user1.call("updateVirtualMachine", [("id", id), ("userdata", "not base64!")])
        #expect(bad.status == 431)
    }

    @Test func cachedListItemsFollowUpdates() {
        let cloud = TestCloud()
        let id = cloud.deploy(cloud.user1)
        #expect(vm(cloud, cloud.user1, id)["displayname"] as? String == id)
        _ = cloud.user1.call("updateVirtualMachine", [("id", id), ("displayname", "renamed")])
        #expect(vm(cloud, cloud.user1, id)["displayname"] as? String == "renamed")
    }

    @Test func missingParameterGives431WithCloudStackText() {
        let cloud = TestCloud()
        let answer = cloud.user1.call("deployVirtualMachine", [("zoneid", cloud.catalog().zone)])
        #expect(answer.status == 431)
        #expect(
            answer.inner("deployvirtualmachineresponse")["errortext"] as? String
                == "Unable to execute API command deployvirtualmachine due to missing parameter serviceofferingid")
        #expect(answer.inner("deployvirtualmachineresponse")["cserrorcode"] as? Int == 9999)
    }

    @Test func jobDurationZeroFinishesBeforeTheFirstPoll() {
        let cloud = TestCloud(jobMillis: 0)
        let c = cloud.catalog()
        let reply = cloud.user1.call(
            "deployVirtualMachine", [("zoneid", c.zone), ("serviceofferingid", c.offering), ("templateid", c.template)])
        let job = reply.inner("deployvirtualmachineresponse")["jobid"] as? String ?? ""
        let result = cloud.user1.call("queryAsyncJobResult", [("jobid", job)]).inner("queryasyncjobresultresponse")
        #expect(result["jobstatus"] as? Int == 1)
    }
}
