import Testing

@testable import CloudStackSimulator

@Suite struct VolumeLifecycleTests {
    func diskOffering(_ cloud: TestCloud) -> String {
        let offerings = cloud.user1.call("listDiskOfferings").inner("listdiskofferingsresponse")["diskoffering"] as? [[String: Any]] ?? []
        return offerings.first { $0["iscustomized"] as? Bool == false }?["id"] as? String ?? ""
    }

    func createVolume(_ cloud: TestCloud) -> String {
        let reply = cloud.user1.call(
            "createVolume", [("name", "data"), ("diskofferingid", diskOffering(cloud)), ("zoneid", cloud.catalog().zone)]
        )
        .inner("createvolumeresponse")
        _ = cloud.user1.waitForJob(reply["jobid"] as? String ?? "", clock: cloud.clock)
        return reply["id"] as? String ?? ""
    }

    func runJob(_ cloud: TestCloud, _ answer: Answer, _ name: String) -> [String: Any] {
        cloud.user1.waitForJob(answer.inner(name)["jobid"] as? String ?? "", clock: cloud.clock)
    }

    func errorText(_ job: [String: Any]) -> String { (job["jobresult"] as? [String: Any])?["errortext"] as? String ?? "" }

    @Test func attachTakesDeviceIDsSkippingThreeAndRefusesAttachedVolumes() {
        let cloud = TestCloud()
        let vm = cloud.deploy(cloud.user1)
        var devices: [Int] = []
        for _ in 0..<3 {
            let volume = createVolume(cloud)
            let job = runJob(cloud, cloud.user1.call("attachVolume", [("id", volume), ("virtualmachineid", vm)]), "attachvolumeresponse")
            devices.append(((job["jobresult"] as? [String: Any])?["volume"] as? [String: Any])?["deviceid"] as? Int ?? -1)
        }
        #expect(devices == [1, 2, 4])
        let first = cloud.user1.call("listVolumes", [("virtualmachineid", vm), ("type", "DATADISK")]).inner("listvolumesresponse")
        let attached = (first["volume"] as? [[String: Any]])?.first?["id"] as? String ?? ""
        let again = runJob(cloud, cloud.user1.call("attachVolume", [("id", attached), ("virtualmachineid", vm)]), "attachvolumeresponse")
        #expect(again["jobstatus"] as? Int == 2)
        #expect(errorText(again) == "Please specify a volume that is not attached to any VM.")
        let reserved = runJob(
            cloud, cloud.user1.call("attachVolume", [("id", createVolume(cloud)), ("virtualmachineid", vm), ("deviceid", "3")]),
            "attachvolumeresponse")
        #expect(errorText(reserved) == "deviceId should be 1,2,4-7")
    }

    @Test func detachRulesAndRootVolume() {
        let cloud = TestCloud()
        let vm = cloud.deploy(cloud.user1)
        let root =
            (cloud.user1.call("listVolumes", [("virtualmachineid", vm)]).inner("listvolumesresponse")["volume"] as? [[String: Any]])?
            .first?["id"] as? String ?? ""
        let rootJob = runJob(cloud, cloud.user1.call("detachVolume", [("id", root)]), "detachvolumeresponse")
        #expect(errorText(rootJob) == "Root volume detach can happen only when vm is in states: Stopped or Destroyed")
        let volume = createVolume(cloud)
        _ = runJob(cloud, cloud.user1.call("attachVolume", [("id", volume), ("virtualmachineid", vm)]), "attachvolumeresponse")
        let both = runJob(
            cloud, cloud.user1.call("detachVolume", [("id", volume), ("virtualmachineid", vm), ("deviceid", "1")]), "detachvolumeresponse")
        #expect(errorText(both) == "Please provide either a volume id, or a tuple(device id, instance id)")
        let inUse = cloud.user1.call("deleteVolume", [("id", volume)])
        #expect(inUse.status == 431)
        #expect(inUse.inner("deletevolumeresponse")["errortext"] as? String == "Please specify a volume that is not attached to any VM.")
        let byTuple = runJob(
            cloud, cloud.user1.call("detachVolume", [("virtualmachineid", vm), ("deviceid", "1")]), "detachvolumeresponse")
        #expect(byTuple["jobstatus"] as? Int == 1)
        let notAttached = runJob(cloud, cloud.user1.call("detachVolume", [("id", volume)]), "detachvolumeresponse")
        #expect(errorText(notAttached) == "The specified volume is not attached to a VM.")
        #expect(cloud.user1.call("deleteVolume", [("id", volume)]).text == "{\"deletevolumeresponse\":{\"success\":true}}")
    }

    @Test func rootVolumeMovesOnlyWhileTheVMIsStopped() {
        let cloud = TestCloud()
        let vm = cloud.deploy(cloud.user1)
        let root =
            (cloud.user1.call("listVolumes", [("virtualmachineid", vm)]).inner("listvolumesresponse")["volume"] as? [[String: Any]])?
            .first?["id"] as? String ?? ""
        _ = runJob(cloud, cloud.user1.call("stopVirtualMachine", [("id", vm)]), "stopvirtualmachineresponse")
        let detached = runJob(cloud, cloud.user1.call("detachVolume", [("id", root)]), "detachvolumeresponse")
        #expect(detached["jobstatus"] as? Int == 1)
        let dataSlot = runJob(
            cloud, cloud.user1.call("attachVolume", [("id", root), ("virtualmachineid", vm), ("deviceid", "0")]), "attachvolumeresponse")
        #expect(((dataSlot["jobresult"] as? [String: Any])?["volume"] as? [String: Any])?["deviceid"] as? Int == 0)
        let second = runJob(
            cloud, cloud.user1.call("attachVolume", [("id", createVolume(cloud)), ("virtualmachineid", vm), ("deviceid", "0")]),
            "attachvolumeresponse")
        #expect(errorText(second) == "Vm already has root volume attached to it")
        let missing = runJob(
            cloud, cloud.user1.call("detachVolume", [("virtualmachineid", vm), ("deviceid", "5")]), "detachvolumeresponse")
        #expect(errorText(missing) == "Index 0 out of bounds for length 0")
    }

    @Test func templateFromARootVolumeNeedsAStoppedVM() {
        let cloud = TestCloud()
        let vm = cloud.deploy(cloud.user1)
        let root =
            (cloud.user1.call("listVolumes", [("virtualmachineid", vm)]).inner("listvolumesresponse")["volume"] as? [[String: Any]])?
            .first?["id"] as? String ?? ""
        let osType =
            (cloud.user1.call("listOsTypes").inner("listostypesresponse")["ostype"] as? [[String: Any]])?.first?["id"] as? String ?? ""
        let params = [("name", "img"), ("displaytext", "img"), ("ostypeid", osType), ("volumeid", root)]
        #expect(cloud.user1.call("createTemplate", params).status == 431)
        _ = runJob(cloud, cloud.user1.call("stopVirtualMachine", [("id", vm)]), "stopvirtualmachineresponse")
        let created = runJob(cloud, cloud.user1.call("createTemplate", params), "createtemplateresponse")
        let template = (created["jobresult"] as? [String: Any])?["template"] as? [String: Any]
        #expect(template?["isready"] as? Bool == true)
        #expect(template?["templatetype"] as? String == "USER")
        #expect(template?["account"] as? String == "user1")
        // Featured templates of the system cannot be deleted by a user.
        let featured = cloud.catalog().template
        #expect(cloud.user1.call("deleteTemplate", [("id", featured)]).status == 531)
    }

    @Test func resizeAndSnapshotAndTemplateFromSnapshot() {
        let cloud = TestCloud()
        let vm = cloud.deploy(cloud.user1)
        let root =
            (cloud.user1.call("listVolumes", [("virtualmachineid", vm)]).inner("listvolumesresponse")["volume"] as? [[String: Any]])?
            .first?["id"] as? String ?? ""
        let resized = runJob(cloud, cloud.user1.call("resizeVolume", [("id", root), ("size", "40")]), "resizevolumeresponse")
        #expect(((resized["jobresult"] as? [String: Any])?["volume"] as? [String: Any])?["size"] as? Int == 40 << 30)
        let shrink = cloud.user1.call("resizeVolume", [("id", root), ("size", "1")])
        #expect(shrink.status == 431)
        let snap = cloud.user1.call("createSnapshot", [("volumeid", root)]).inner("createsnapshotresponse")
        let snapJob = cloud.user1.waitForJob(snap["jobid"] as? String ?? "", clock: cloud.clock)
        #expect(((snapJob["jobresult"] as? [String: Any])?["snapshot"] as? [String: Any])?["state"] as? String == "BackedUp")
        let osType =
            (cloud.user1.call("listOsTypes").inner("listostypesresponse")["ostype"] as? [[String: Any]])?.first?["id"] as? String ?? ""
        let template = cloud.user1.call(
            "createTemplate",
            [("name", "mine"), ("displaytext", "mine"), ("ostypeid", osType), ("snapshotid", snap["id"] as? String ?? "")]
        )
        .inner("createtemplateresponse")
        let templateJob = cloud.user1.waitForJob(template["jobid"] as? String ?? "", clock: cloud.clock)
        #expect(((templateJob["jobresult"] as? [String: Any])?["template"] as? [String: Any])?["isready"] as? Bool == true)
        let mine = cloud.user1.call("listTemplates", [("templatefilter", "self")]).inner("listtemplatesresponse")
        #expect(mine["count"] as? Int == 1)
        #expect(cloud.user2.call("listTemplates", [("templatefilter", "self")]).text == "{\"listtemplatesresponse\":{}}")
        // Sharing with user2 makes it sharedexecutable for them.
        let share = cloud.user1.call(
            "updateTemplatePermissions", [("id", template["id"] as? String ?? ""), ("accounts", "user2"), ("op", "add")])
        #expect(share.status == 200)
        #expect(
            cloud.user2.call("listTemplates", [("templatefilter", "sharedexecutable")]).inner("listtemplatesresponse")["count"] as? Int == 1
        )
        let permissions = cloud.user1.call("listTemplatePermissions", [("id", template["id"] as? String ?? "")]).inner(
            "listtemplatepermissionsresponse")
        #expect((permissions["templatepermission"] as? [String: Any])?["account"] as? [String] == ["user2"])
    }

    @Test func tagsFilterListsAndListTags() {
        let cloud = TestCloud()
        let vm = cloud.deploy(cloud.user1)
        let tagged = cloud.user1.call(
            "createTags", [("resourceids", vm), ("resourcetype", "UserVm"), ("tags[0].key", "env"), ("tags[0].value", "prod")])
        let job = cloud.user1.waitForJob(tagged.inner("createtagsresponse")["jobid"] as? String ?? "", clock: cloud.clock)
        #expect((job["jobresult"] as? [String: Any])?["success"] as? Bool == true)
        let filtered = cloud.user1.call("listVirtualMachines", [("tags[0].key", "env"), ("tags[0].value", "prod")]).inner(
            "listvirtualmachinesresponse")
        #expect(filtered["count"] as? Int == 1)
        #expect(
            cloud.user1.call("listVirtualMachines", [("tags[0].key", "env"), ("tags[0].value", "dev")]).text
                == "{\"listvirtualmachinesresponse\":{}}")
        let tags = cloud.user1.call("listTags", [("resourceid", vm)]).inner("listtagsresponse")["tag"] as? [[String: Any]]
        #expect(tags?.first?["resourcetype"] as? String == "UserVm")
        let missing = cloud.user1.call(
            "createTags", [("resourceids", "nope"), ("resourcetype", "UserVm"), ("tags[0].key", "a"), ("tags[0].value", "b")])
        let failed = cloud.user1.waitForJob(missing.inner("createtagsresponse")["jobid"] as? String ?? "", clock: cloud.clock)
        #expect(errorText(failed) == "Unable to find resource by uuid nope and type UserVm")
    }
}
