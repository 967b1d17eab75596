import Testing

@testable import CloudStackSimulator

/// Resize and change of disk offering with their volume states, volumes from snapshots, and
/// `destroyVirtualMachine volumeids`, as CloudStack 4.18 does them.
@Suite struct VolumeResizeTests {
    func offerings(_ cloud: TestCloud) -> (custom: String, small: String, large: String) {
        let all = cloud.user1.call("listDiskOfferings").inner("listdiskofferingsresponse")["diskoffering"] as? [[String: Any]] ?? []
        func id(_ match: ([String: Any]) -> Bool) -> String { all.first(where: match)?["id"] as? String ?? "" }
        return (
            id { $0["iscustomized"] as? Bool == true }, id { $0["disksize"] as? Int == 5 }, id { $0["disksize"] as? Int == 100 }
        )
    }

    func volume(_ cloud: TestCloud, _ id: String) -> [String: Any] {
        (cloud.user1.call("listVolumes", [("id", id)]).inner("listvolumesresponse")["volume"] as? [[String: Any]])?.first ?? [:]
    }

    func create(_ cloud: TestCloud, _ params: [(String, String)]) -> String {
        let reply = cloud.user1.call("createVolume", [("zoneid", cloud.catalog().zone)] + params).inner("createvolumeresponse")
        _ = cloud.user1.waitForJob(reply["jobid"] as? String ?? "", clock: cloud.clock)
        return reply["id"] as? String ?? ""
    }

    func job(_ cloud: TestCloud, _ answer: Answer, _ name: String) -> [String: Any] {
        cloud.user1.waitForJob(answer.inner(name)["jobid"] as? String ?? "", clock: cloud.clock)
    }

    func errorText(_ job: [String: Any]) -> String { (job["jobresult"] as? [String: Any])?["errortext"] as? String ?? "" }

    @Test func aReadyVolumeIsResizingWhileItsJobRuns() {
        let cloud = TestCloud()
        let vm = cloud.deploy(cloud.user1)
        let data = create(cloud, [("diskofferingid", offerings(cloud).custom), ("size", "2")])
        #expect(volume(cloud, data)["state"] as? String == "Allocated")
        _ = job(cloud, cloud.user1.call("attachVolume", [("id", data), ("virtualmachineid", vm)]), "attachvolumeresponse")
        #expect(volume(cloud, data)["state"] as? String == "Ready")
        #expect(volume(cloud, data)["vmstate"] as? String == "Running")

        let reply = cloud.user1.call("resizeVolume", [("id", data), ("size", "4")]).inner("resizevolumeresponse")
        cloud.clock.advance(milliseconds: 100)
        let during = volume(cloud, data)
        #expect(during["state"] as? String == "Resizing")
        #expect(during["jobid"] as? String == reply["jobid"] as? String && during["jobstatus"] as? Int == 0)
        #expect(during["size"] as? Int == 2 << 30)
        let again = cloud.user1.call("resizeVolume", [("id", data), ("size", "8")])
        #expect(again.status == 431)
        #expect(
            again.inner("resizevolumeresponse")["errortext"] as? String
                == "Volume should be in ready or allocated state before attempting a resize. Volume \(data) is in state Resizing.")
        _ = cloud.user1.waitForJob(reply["jobid"] as? String ?? "", clock: cloud.clock)
        let after = volume(cloud, data)
        #expect(after["state"] as? String == "Ready" && after["size"] as? Int == 4 << 30 && after["jobid"] == nil)
    }

    @Test func anAllocatedVolumeIsResizedInPlace() {
        let cloud = TestCloud()
        let data = create(cloud, [("diskofferingid", offerings(cloud).custom), ("size", "3")])
        let reply = cloud.user1.call("resizeVolume", [("id", data), ("size", "5")]).inner("resizevolumeresponse")
        cloud.clock.advance(milliseconds: 100)
        #expect(volume(cloud, data)["state"] as? String == "Allocated")
        _ = cloud.user1.waitForJob(reply["jobid"] as? String ?? "", clock: cloud.clock)
        #expect(volume(cloud, data)["size"] as? Int == 5 << 30)
        let shrink = cloud.user1.call("resizeVolume", [("id", data), ("size", "1")])
        #expect(
            shrink.inner("resizevolumeresponse")["errortext"] as? String
                == "Going from existing size of \(5 << 30) bytes to size of \(1 << 30) bytes would shrink the volume. Need to sign off by supplying the shrinkok parameter with value of true."
        )
        let signed = job(
            cloud, cloud.user1.call("resizeVolume", [("id", data), ("size", "1"), ("shrinkok", "true")]), "resizevolumeresponse")
        #expect(signed["jobstatus"] as? Int == 1)
        #expect(volume(cloud, data)["size"] as? Int == 1 << 30)
    }

    @Test func changeOfferingForVolumeMovesBetweenFixedAndCustomOfferings() {
        let cloud = TestCloud()
        let ids = offerings(cloud)
        let data = create(cloud, [("diskofferingid", ids.small)])
        let same = cloud.user1.call("changeOfferingForVolume", [("id", data), ("diskofferingid", ids.small)])
        #expect(same.status == 431)
        let sized = cloud.user1.call("changeOfferingForVolume", [("id", data), ("diskofferingid", ids.large), ("size", "7")])
        #expect(
            sized.inner("changeofferingforvolumeresponse")["errortext"] as? String
                == "A size was specified but the new disk offering is not customizable")
        let toLarge = job(
            cloud, cloud.user1.call("changeOfferingForVolume", [("id", data), ("diskofferingid", ids.large)]),
            "changeofferingforvolumeresponse")
        let result = (toLarge["jobresult"] as? [String: Any])?["volume"] as? [String: Any]
        #expect(result?["diskofferingid"] as? String == ids.large && result?["size"] as? Int == 100 << 30)
        #expect((toLarge["cmd"] as? String)?.hasSuffix("user.volume.ChangeOfferingForVolumeCmd") == true)
        let shrink = cloud.user1.call("changeOfferingForVolume", [("id", data), ("diskofferingid", ids.custom), ("size", "10")])
        #expect(shrink.status == 431)
        let toCustom = job(
            cloud,
            cloud.user1.call("changeOfferingForVolume", [("id", data), ("diskofferingid", ids.custom), ("size", "120")]),
            "changeofferingforvolumeresponse")
        #expect(toCustom["jobstatus"] as? Int == 1)
        #expect(volume(cloud, data)["diskofferingid"] as? String == ids.custom)
        #expect(volume(cloud, data)["size"] as? Int == 120 << 30)
        let missing = cloud.user1.call("changeOfferingForVolume", [("id", data)])
        #expect(missing.status == 431)
    }

    @Test func aVolumeFromASnapshotKeepsItsSnapshotAndOffering() {
        let cloud = TestCloud()
        let vm = cloud.deploy(cloud.user1)
        let data = create(cloud, [("diskofferingid", offerings(cloud).custom), ("size", "2")])
        _ = job(cloud, cloud.user1.call("attachVolume", [("id", data), ("virtualmachineid", vm)]), "attachvolumeresponse")
        let snapshot = cloud.user1.call("createSnapshot", [("volumeid", data)]).inner("createsnapshotresponse")
        let snapshotID = snapshot["id"] as? String ?? ""
        let early = cloud.user1.call("createVolume", [("snapshotid", snapshotID)])
        #expect(
            early.inner("createvolumeresponse")["errortext"] as? String
                == "Snapshot id=\(snapshotID) is not in BackedUp state yet and can't be used for volume creation")
        _ = cloud.user1.waitForJob(snapshot["jobid"] as? String ?? "", clock: cloud.clock)
        let restored = create(cloud, [("snapshotid", snapshotID), ("name", "restored")])
        let row = volume(cloud, restored)
        #expect(row["snapshotid"] as? String == snapshotID)
        #expect(row["size"] as? Int == 2 << 30)
        #expect(row["diskofferingid"] as? String == offerings(cloud).custom)
        #expect(volume(cloud, data)["snapshotid"] == nil)
    }

    @Test func destroyVirtualMachineDestroysTheDataVolumesNamed() {
        let cloud = TestCloud()
        let vm = cloud.deploy(cloud.user1)
        let kept = create(cloud, [("diskofferingid", offerings(cloud).small)])
        let doomed = create(cloud, [("diskofferingid", offerings(cloud).small)])
        let loose = create(cloud, [("diskofferingid", offerings(cloud).small)])
        for id in [kept, doomed] {
            _ = job(cloud, cloud.user1.call("attachVolume", [("id", id), ("virtualmachineid", vm)]), "attachvolumeresponse")
        }
        let unknown = cloud.user1.call("destroyVirtualMachine", [("id", vm), ("volumeids", "no-such-volume")])
        #expect(unknown.status == 431)
        let notAttached = job(
            cloud, cloud.user1.call("destroyVirtualMachine", [("id", vm), ("volumeids", loose)]), "destroyvirtualmachineresponse")
        #expect(notAttached["jobstatus"] as? Int == 2)
        #expect(errorText(notAttached).hasPrefix("The following supplied volumes are not DATADISK attached to the VM: Vol[\(loose)"))
        let vmRow = cloud.user1.call("listVirtualMachines", [("id", vm)]).inner("listvirtualmachinesresponse")
        let vms = vmRow["virtualmachine"] as? [[String: Any]]
        #expect(vms?.first?["state"] as? String == "Running", "a refused destroy leaves the VM running")

        let destroyed = job(
            cloud, cloud.user1.call("destroyVirtualMachine", [("id", vm), ("volumeids", doomed)]), "destroyvirtualmachineresponse")
        #expect(destroyed["jobstatus"] as? Int == 1)
        let gone = volume(cloud, doomed)
        #expect(gone["state"] as? String == "Destroy" && gone["virtualmachineid"] == nil && gone["deviceid"] == nil)
        let stays = volume(cloud, kept)
        #expect(stays["state"] as? String == "Ready" && stays["virtualmachineid"] as? String == vm)
    }
}
