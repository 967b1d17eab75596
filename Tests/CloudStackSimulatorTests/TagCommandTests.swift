import Testing

@testable import CloudStackSimulator

/// createTags, deleteTags and listTags as TaggedResourceManagerImpl (CloudStack 4.18) runs them.
@Suite struct TagCommandTests {
    func errorText(_ job: [String: Any]) -> String { (job["jobresult"] as? [String: Any])?["errortext"] as? String ?? "" }

    /// Runs a tag command as `client` and waits for its job.
    func tagJob(_ cloud: TestCloud, _ client: TestClient, _ command: String, _ parameters: [(String, String)]) -> [String: Any] {
        let reply = client.call(command, parameters)
        #expect(reply.status == 200, "\(reply.text)")
        return client.waitForJob(reply.inner(command.lowercased() + "response")["jobid"] as? String ?? "", clock: cloud.clock)
    }

    func tags(_ client: TestClient, _ parameters: [(String, String)] = []) -> [[String: Any]] {
        client.call("listTags", parameters).inner("listtagsresponse")["tag"] as? [[String: Any]] ?? []
    }

    @Test func everyResourceTypeTakesTagsUnderItsOwnTypeName() {
        let cloud = TestCloud()
        let vm = cloud.deploy(cloud.user1)
        let volume =
            (cloud.user1.call("listVolumes", [("virtualmachineid", vm)]).inner("listvolumesresponse")["volume"] as? [[String: Any]])?
            .first?["id"] as? String ?? ""
        let group =
            (cloud.user1.call("listSecurityGroups").inner("listsecuritygroupsresponse")["securitygroup"] as? [[String: Any]])?
            .first?["id"] as? String ?? ""
        let address =
            (cloud.user1.call("listPublicIpAddresses").inner("listpublicipaddressesresponse")["publicipaddress"] as? [[String: Any]])?
            .first?["id"] as? String ?? ""
        for (type, id) in [("UserVm", vm), ("Volume", volume), ("SecurityGroup", group), ("PublicIpAddress", address)] {
            #expect(!id.isEmpty, "no \(type) to tag")
            // The type is matched ignoring case, as ResourceObjectType.getResourceObjectType does.
            let job = tagJob(
                cloud, cloud.user1, "createTags",
                [("resourceids", id), ("resourcetype", type.lowercased()), ("tags[0].key", "k"), ("tags[0].value", "<&>\"' ünï")])
            #expect(job["jobstatus"] as? Int == 1, "\(type): \(errorText(job))")
            let listed = tags(cloud.user1, [("resourceid", id)])
            #expect(listed.count == 1)
            #expect(listed.first?["resourcetype"] as? String == type)
            #expect(listed.first?["value"] as? String == "<&>\"' ünï")
            #expect(listed.first?["account"] as? String == "user1")
        }
        #expect(tags(cloud.user1, [("resourcetype", "Volume")]).count == 1)
        #expect(tags(cloud.user1, [("key", "k"), ("value", "nope")]).isEmpty)
        #expect(tags(cloud.user2, [("key", "k")]).isEmpty)
    }

    @Test func createRefusesEmptyValuesDuplicatesUnknownAndForeignResources() {
        let cloud = TestCloud()
        let vm = cloud.deploy(cloud.user1)
        let base = [("resourceids", vm), ("resourcetype", "UserVm")]
        let empty = tagJob(cloud, cloud.user1, "createTags", base + [("tags[0].key", "k"), ("tags[0].value", "")])
        #expect(empty["jobstatus"] as? Int == 2)
        #expect(errorText(empty) == "Value for the key k is either null or empty")
        let none = tagJob(cloud, cloud.user1, "createTags", base + [("tags[0].key", "k")])
        #expect(errorText(none) == "Value for the key k is either null or empty")

        #expect(tagJob(cloud, cloud.user1, "createTags", base + [("tags[0].key", "k"), ("tags[0].value", "v")])["jobstatus"] as? Int == 1)
        let duplicate = tagJob(
            cloud, cloud.user1, "createTags",
            base + [("tags[0].key", "k"), ("tags[0].value", "w"), ("tags[1].key", "new"), ("tags[1].value", "x")])
        #expect(duplicate["jobresultcode"] as? Int == 530)
        #expect(errorText(duplicate) == "tag k already on UserVm with id \(vm)")
        // One transaction: the other tag of the failed call was not created either.
        #expect(tags(cloud.user1, [("resourceid", vm)]).map { $0["key"] as? String } == ["k"])

        let foreign = tagJob(cloud, cloud.user2, "createTags", base + [("tags[0].key", "x"), ("tags[0].value", "y")])
        #expect(foreign["jobstatus"] as? Int == 2)
        #expect(errorText(foreign).contains("does not have permission"))
        let unknown = tagJob(
            cloud, cloud.user1, "createTags",
            [
                ("resourceids", "6b0c5f8e-0000-4000-8000-000000000000"), ("resourcetype", "Volume"), ("tags[0].key", "a"),
                ("tags[0].value", "b"),
            ])
        #expect(errorText(unknown) == "Unable to find resource by uuid 6b0c5f8e-0000-4000-8000-000000000000 and type Volume")
        let badType = tagJob(
            cloud, cloud.user1, "createTags",
            [("resourceids", vm), ("resourcetype", "Gadget"), ("tags[0].key", "a"), ("tags[0].value", "b")])
        #expect(errorText(badType) == "Invalid resource type Gadget")
    }

    @Test func deleteMatchesKeysAndValuesIgnoringCaseAndFailsWhenNothingMatches() {
        let cloud = TestCloud()
        let vm = cloud.deploy(cloud.user1)
        let base = [("resourceids", vm), ("resourcetype", "UserVm")]
        let created = tagJob(
            cloud, cloud.user1, "createTags",
            base + [("tags[0].key", "Env"), ("tags[0].value", "Prod"), ("tags[1].key", "team"), ("tags[1].value", "a")])
        #expect(created["jobstatus"] as? Int == 1)
        let wrongValue = tagJob(cloud, cloud.user1, "deleteTags", base + [("tags[0].key", "env"), ("tags[0].value", "dev")])
        #expect(wrongValue["jobresultcode"] as? Int == 530)
        #expect(errorText(wrongValue) == "Failed to delete tags")
        let foreign = tagJob(cloud, cloud.user2, "deleteTags", base)
        #expect(errorText(foreign).contains("does not have permission"))
        #expect(tags(cloud.user1, [("resourceid", vm)]).count == 2)
        let byValue = tagJob(cloud, cloud.user1, "deleteTags", base + [("tags[0].key", "env"), ("tags[0].value", "prod")])
        #expect(byValue["jobstatus"] as? Int == 1)
        #expect(tags(cloud.user1, [("resourceid", vm)]).map { $0["key"] as? String } == ["team"])
        #expect(tagJob(cloud, cloud.user1, "deleteTags", base)["jobstatus"] as? Int == 1)
        #expect(tags(cloud.user1, [("resourceid", vm)]).isEmpty)
        // No check that the resource exists: an unknown id simply has no tags to delete.
        let unknown = tagJob(cloud, cloud.user1, "deleteTags", [("resourceids", "nope"), ("resourcetype", "UserVm")])
        #expect(errorText(unknown) == "Failed to delete tags")
    }

    /// A security-group rule is tagged as `SecurityGroupRule` by its group's owner; listSecurityGroups shows the
    /// tags on the rule (SecurityGroupJoinDaoImpl), not on the group.
    @Test func securityGroupRulesTakeTagsOfTheirOwn() {
        let cloud = TestCloud()
        let groups = cloud.user1.call("listSecurityGroups").inner("listsecuritygroupsresponse")["securitygroup"] as? [[String: Any]]
        let group = groups?.first?["id"] as? String ?? ""
        let authorize = cloud.user1.call(
            "authorizeSecurityGroupIngress",
            [("securitygroupid", group), ("protocol", "tcp"), ("startport", "22"), ("endport", "22"), ("cidrlist", "10.0.0.0/8")])
        let job = cloud.user1.waitForJob(
            authorize.inner("authorizesecuritygroupingressresponse")["jobid"] as? String ?? "", clock: cloud.clock)
        let result = (job["jobresult"] as? [String: Any])?["securitygroup"] as? [String: Any]
        let rule = ((result?["ingressrule"] as? [[String: Any]])?.first?["ruleid"] as? String) ?? ""
        #expect(!rule.isEmpty)
        let foreign = tagJob(
            cloud, cloud.user2, "createTags",
            [("resourceids", rule), ("resourcetype", "SecurityGroupRule"), ("tags[0].key", "k"), ("tags[0].value", "v")])
        #expect(errorText(foreign).contains("does not have permission"))
        let own = tagJob(
            cloud, cloud.user1, "createTags",
            [("resourceids", rule), ("resourcetype", "SecurityGroupRule"), ("tags[0].key", "k"), ("tags[0].value", "v")])
        #expect(own["jobstatus"] as? Int == 1, "\(errorText(own))")
        let listed =
            cloud.user1.call("listSecurityGroups", [("id", group)]).inner("listsecuritygroupsresponse")["securitygroup"]
            as? [[String: Any]]
        let ruleTags = ((listed?.first?["ingressrule"] as? [[String: Any]])?.first?["tags"] as? [[String: Any]]) ?? []
        #expect(ruleTags.map { $0["key"] as? String } == ["k"])
        #expect(ruleTags.first?["resourcetype"] as? String == "SecurityGroupRule")
        #expect((listed?.first?["tags"] as? [[String: Any]])?.isEmpty == true)
        #expect(tags(cloud.user1, [("resourcetype", "SecurityGroupRule")]).count == 1)
    }
}
