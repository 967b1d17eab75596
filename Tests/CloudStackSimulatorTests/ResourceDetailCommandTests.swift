import Testing

@testable import CloudStackSimulator

/// addResourceDetail, removeResourceDetail and listResourceDetails on NICs, as ResourceMetaDataManagerImpl
/// and QueryManagerImpl.listResourceDetails (CloudStack 4.18) run them.
@Suite struct ResourceDetailCommandTests {
    func job(_ cloud: TestCloud, _ command: String, _ parameters: [(String, String)]) -> [String: Any] {
        let reply = cloud.user1.call(command, parameters)
        #expect(reply.status == 200, "\(reply.text)")
        return cloud.user1.waitForJob(reply.inner(command.lowercased() + "response")["jobid"] as? String ?? "", clock: cloud.clock)
    }

    func details(_ cloud: TestCloud, _ parameters: [(String, String)]) -> [[String: Any]] {
        cloud.user1.call("listResourceDetails", [("resourcetype", "Nic")] + parameters)
            .inner("listresourcedetailsresponse")["resourcedetail"] as? [[String: Any]] ?? []
    }

    func defaultNic(_ cloud: TestCloud, _ vm: String) -> String {
        let nics = cloud.user1.call("listNics", [("virtualmachineid", vm)]).inner("listnicsresponse")["nic"] as? [[String: Any]]
        return nics?.first?["id"] as? String ?? ""
    }

    @Test func addOverwritesListsAndRemovesByKeyOrAll() {
        let cloud = TestCloud()
        let nic = defaultNic(cloud, cloud.deploy(cloud.user1))
        let base = [("resourceid", nic), ("resourcetype", "Nic")]
        let added = job(
            cloud, "addResourceDetail",
            base + [("details[0].key", "role"), ("details[0].value", "web"), ("details[1].key", "tier"), ("details[1].value", "a")])
        #expect(added["jobstatus"] as? Int == 1)
        // The detail DAO replaces a detail of the same name (MySQL compares names ignoring case).
        #expect(job(cloud, "addResourceDetail", base + [("details[0].key", "ROLE"), ("details[0].value", "db")])["jobstatus"] as? Int == 1)
        let listed = details(cloud, [("resourceid", nic)])
        #expect(listed.map { "\($0["key"] as? String ?? "")=\($0["value"] as? String ?? "")" } == ["tier=a", "ROLE=db"])
        #expect(listed.first?["resourcetype"] as? String == "Nic")
        #expect(listed.first?["resourceid"] as? String == nic)
        #expect(listed.first?["fordisplay"] as? Bool == true)
        // By key and value, across resources of the type, without the resource id.
        #expect(details(cloud, [("key", "role"), ("value", "DB")]).map { $0["resourceid"] as? String } == [nic])

        #expect(job(cloud, "removeResourceDetail", base + [("key", "role")])["jobstatus"] as? Int == 1)
        #expect(details(cloud, [("resourceid", nic)]).map { $0["key"] as? String } == ["tier"])
        // Removing a key that is not there succeeds.
        #expect(job(cloud, "removeResourceDetail", base + [("key", "gone")])["jobstatus"] as? Int == 1)
        #expect(job(cloud, "removeResourceDetail", base)["jobstatus"] as? Int == 1)
        #expect(details(cloud, [("resourceid", nic)]).isEmpty)
    }

    @Test func refusesUnknownResourcesEmptyValuesAndUnboundedListings() {
        let cloud = TestCloud()
        let nic = defaultNic(cloud, cloud.deploy(cloud.user1))
        let unknown = "00000000-0000-4000-8000-000000000000"
        let failed = job(
            cloud, "addResourceDetail",
            [("resourceid", unknown), ("resourcetype", "Nic"), ("details[0].key", "k"), ("details[0].value", "v")])
        // The lookup runs in the job: its InvalidParameterValueException fails the job with 530.
        #expect(failed["jobstatus"] as? Int == 2)
        #expect(failed["jobresultcode"] as? Int == 530)
        #expect(
            (failed["jobresult"] as? [String: Any])?["errortext"] as? String == "Unable to find resource by uuid \(unknown) and type Nic")
        let empty = job(
            cloud, "addResourceDetail", [("resourceid", nic), ("resourcetype", "Nic"), ("details[0].key", "k"), ("details[0].value", "")])
        #expect((empty["jobresult"] as? [String: Any])?["errortext"] as? String == "Value for the key k is either null or empty")
        let removed = job(cloud, "removeResourceDetail", [("resourceid", unknown), ("resourcetype", "Nic")])
        #expect(removed["jobstatus"] as? Int == 2)

        let unbounded = cloud.user1.call("listResourceDetails", [("resourcetype", "Nic")])
        #expect(unbounded.status == 431)
        #expect(unbounded.text.contains("Insufficient parameters passed for listing by resourceId OR key,value pair"))
        #expect(cloud.user1.call("listResourceDetails", [("resourcetype", "Nic"), ("value", "v")]).status == 431)
        #expect(cloud.user1.call("listResourceDetails", [("resourcetype", "Nic"), ("resourceid", unknown)]).status == 431)
        #expect(cloud.user1.call("listResourceDetails", [("resourcetype", "Bogus"), ("resourceid", nic)]).status == 431)
        let missing = cloud.user1.call("addResourceDetail", [("resourceid", nic), ("resourcetype", "Nic")])
        #expect(missing.status == 431)
    }
}
