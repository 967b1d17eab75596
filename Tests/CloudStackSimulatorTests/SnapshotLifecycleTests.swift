import CloudStackSimulator
import Testing

/// Volume snapshots and templates from them, on a manual clock: 4.18's states, job results,
/// errors and failures.
@Suite struct SnapshotLifecycleTests {
    static func snapshot(_ cloud: TestCloud, _ id: String) -> [String: Any]? {
        (cloud.user1.call("listSnapshots", [("id", id)]).inner("listsnapshotsresponse")["snapshot"] as? [[String: Any]])?.first
    }

    static func rootVolume(_ cloud: TestCloud) -> String {
        let vm = cloud.deploy(cloud.user1)
        cloud.clock.advance(milliseconds: 1000)
        return (cloud.user1.call("listVolumes", [("virtualmachineid", vm)]).inner("listvolumesresponse")["volume"] as? [[String: Any]])?
            .first?["id"] as? String ?? ""
    }

    @Test func statesTagsAndDeletion() {
        let cloud = TestCloud(jobMillis: 1000)
        let root = Self.rootVolume(cloud)
        let reply = cloud.user1.call("createSnapshot", [("volumeid", root), ("tags[0].key", "k"), ("tags[0].value", "v")])
            .inner("createsnapshotresponse")
        let id = reply["id"] as? String ?? ""
        #expect(reply["jobid"] as? String != nil && !id.isEmpty)
        // The job has started (tags are applied then) and not ended: Creating, with the item's jobid.
        let creating = Self.snapshot(cloud, id)
        #expect(creating?["state"] as? String == "Creating")
        #expect(creating?["jobstatus"] as? Int == 0)
        #expect((creating?["tags"] as? [[String: Any]])?.first?["key"] as? String == "k")
        #expect(creating?["snapshottype"] as? String == "MANUAL" && creating?["intervaltype"] as? String == "MANUAL")
        #expect(creating?["volumeid"] as? String == root && creating?["ostypeid"] as? String != nil)
        let early = cloud.user1.call("deleteSnapshot", [("id", id)])
        #expect(early.status == 431)
        #expect(early.text.contains("Can't delete snapshotshot \(id) due to it is in Creating Status"))
        cloud.clock.advance(milliseconds: 1500)
        #expect(Self.snapshot(cloud, id)?["state"] as? String == "BackedUp")
        #expect(Self.snapshot(cloud, id)?["jobid"] == nil)
        #expect(cloud.user2.call("deleteSnapshot", [("id", id)]).status == 531)
        let deletion = cloud.user1.call("deleteSnapshot", [("id", id)]).inner("deletesnapshotresponse")
        #expect(Self.snapshot(cloud, id)?["state"] as? String == "Destroying")
        let job = cloud.user1.waitForJob(deletion["jobid"] as? String ?? "", clock: cloud.clock)
        #expect((job["jobresult"] as? [String: Any])?["success"] as? Bool == true)
        #expect(Self.snapshot(cloud, id) == nil)
        #expect(cloud.user1.call("listTags", [("resourceid", id)]).inner("listtagsresponse").isEmpty)
    }

    @Test func backgroundBackupEndsAfterTheJob() {
        let cloud = TestCloud(jobMillis: 1000)
        let root = Self.rootVolume(cloud)
        let reply = cloud.user1.call("createSnapshot", [("volumeid", root), ("asyncbackup", "true")]).inner("createsnapshotresponse")
        let job = cloud.user1.waitForJob(reply["jobid"] as? String ?? "", clock: cloud.clock)
        #expect(((job["jobresult"] as? [String: Any])?["snapshot"] as? [String: Any])?["state"] as? String == "BackingUp")
        let id = reply["id"] as? String ?? ""
        let osType =
            (cloud.user1.call("listOsTypes").inner("listostypesresponse")["ostype"] as? [[String: Any]])?.first?["id"] as? String ?? ""
        let tooEarly = cloud.user1.call("createTemplate", [("name", "t"), ("displaytext", "t"), ("ostypeid", osType), ("snapshotid", id)])
        #expect(tooEarly.status == 431 && tooEarly.text.contains("is not in BackedUp state yet"))
        cloud.clock.advance(milliseconds: 1500)
        #expect(Self.snapshot(cloud, id)?["state"] as? String == "BackedUp")
    }

    @Test func failedJobs() {
        let cloud = TestCloud(jobMillis: 1000)
        let root = Self.rootVolume(cloud)
        cloud.simulator.setErrorInjection(ErrorInjection(failingJobs: ["createSnapshot", "createTemplate"]))
        let reply = cloud.user1.call("createSnapshot", [("volumeid", root)]).inner("createsnapshotresponse")
        let job = cloud.user1.waitForJob(reply["jobid"] as? String ?? "", clock: cloud.clock)
        #expect(job["jobstatus"] as? Int == 2 && job["jobresultcode"] as? Int == 530)
        #expect(
            (job["jobresult"] as? [String: Any])?["errortext"] as? String
                == "Failed to create snapshot due to an internal error creating snapshot for volume \(root)")
        let id = reply["id"] as? String ?? ""
        #expect(Self.snapshot(cloud, id)?["state"] as? String == "Error")

        cloud.simulator.setErrorInjection(ErrorInjection(failingJobs: ["createTemplate"]))
        let good = cloud.user1.call("createSnapshot", [("volumeid", root)]).inner("createsnapshotresponse")
        _ = cloud.user1.waitForJob(good["jobid"] as? String ?? "", clock: cloud.clock)
        let osType =
            (cloud.user1.call("listOsTypes").inner("listostypesresponse")["ostype"] as? [[String: Any]])?.first?["id"] as? String ?? ""
        let template = cloud.user1.call(
            "createTemplate", [("name", "t"), ("displaytext", "t"), ("ostypeid", osType), ("snapshotid", good["id"] as? String ?? "")]
        ).inner("createtemplateresponse")
        let templateJob = cloud.user1.waitForJob(template["jobid"] as? String ?? "", clock: cloud.clock)
        #expect(templateJob["jobstatus"] as? Int == 2)
        #expect((templateJob["jobresult"] as? [String: Any])?["errortext"] as? String == "Failed to create private template")
        let listed = cloud.user1.call("listTemplates", [("templatefilter", "self"), ("id", template["id"] as? String ?? "")])
        #expect(listed.status == 431)
        #expect(cloud.user1.call("deleteSnapshot", [("id", id)]).status == 200)
    }

    /// A cross-zone template is one row per zone; `showunique=true` lists it once, and `count` and pages follow.
    @Test func showUniqueListsACrossZoneTemplateOnce() {
        let cloud = TestCloud(jobMillis: 0)
        let zones = (cloud.user1.call("listZones", []).inner("listzonesresponse")["zone"] as? [[String: Any]] ?? []).count
        #expect(zones > 1)
        let perZone = cloud.user1.call("listTemplates", [("templatefilter", "featured")]).inner("listtemplatesresponse")
        let unique = cloud.user1.call("listTemplates", [("templatefilter", "featured"), ("showunique", "true")])
            .inner("listtemplatesresponse")
        let rows = unique["template"] as? [[String: Any]] ?? []
        let ids = rows.compactMap { $0["id"] as? String }
        #expect(Set(ids).count == ids.count && ids.count == 2)
        #expect(unique["count"] as? Int == 2 && perZone["count"] as? Int == 2 * zones)
        let second = cloud.user1.call(
            "listTemplates", [("templatefilter", "featured"), ("showunique", "true"), ("page", "2"), ("pagesize", "1")]
        ).inner("listtemplatesresponse")
        #expect((second["template"] as? [[String: Any]])?.first?["id"] as? String == ids.last && second["count"] as? Int == 2)
    }

    @Test func updateTemplate() {
        let cloud = TestCloud(jobMillis: 0)
        let registered = cloud.user1.call(
            "registerTemplate",
            [("name", "r"), ("displaytext", "r"), ("format", "QCOW2"), ("hypervisor", "KVM"), ("url", "http://x/y.qcow2")]
        ).inner("registertemplateresponse")
        let id = ((registered["template"] as? [[String: Any]])?.first?["id"] as? String) ?? ""
        let updated = cloud.user1.call("updateTemplate", [("id", id), ("displaytext", "new text")]).inner("updatetemplateresponse")
        #expect((updated["template"] as? [String: Any])?["displaytext"] as? String == "new text")
        #expect(cloud.user2.call("updateTemplate", [("id", id), ("displaytext", "x")]).status == 531)
        #expect(cloud.user1.call("updateTemplate", [("id", cloud.catalog().template), ("displaytext", "x")]).status == 531)
        #expect(cloud.user1.call("updateTemplate", [("id", id), ("format", "EXE")]).status == 431)
    }
}
