import Testing

@testable import CloudStackSimulator

@Suite struct TenancyTests {
    @Test func usersSeeOnlyTheirOwnVMsAndAdminListallSeesAll() {
        let cloud = TestCloud()
        let user1 = cloud.user1.call("listVirtualMachines").inner("listvirtualmachinesresponse")
        let user2 = cloud.user2.call("listVirtualMachines").inner("listvirtualmachinesresponse")
        let admin = cloud.admin.call("listVirtualMachines").inner("listvirtualmachinesresponse")
        let all = cloud.admin.call("listVirtualMachines", [("listall", "true")]).inner("listvirtualmachinesresponse")
        #expect(user1["count"] as? Int == 2)
        #expect(user2["count"] as? Int == 2)
        #expect(admin["count"] == nil)
        #expect(all["count"] as? Int == 4)
        let accounts1 = Set((user1["virtualmachine"] as? [[String: Any]] ?? []).compactMap { $0["account"] as? String })
        #expect(accounts1 == ["user1"])
    }

    @Test func userCannotTouchAnotherUsersVM() {
        let cloud = TestCloud()
        let theirs =
            (cloud.user2.call("listVirtualMachines").inner("listvirtualmachinesresponse")["virtualmachine"] as? [[String: Any]])?.first?[
                "id"] as? String ?? ""
        #expect(cloud.user1.call("listVirtualMachines", [("id", theirs)]).text == "{\"listvirtualmachinesresponse\":{}}")
        let stop = cloud.user1.call("stopVirtualMachine", [("id", theirs)])
        #expect(stop.status == 531)
        #expect(stop.inner("stopvirtualmachineresponse")["cserrorcode"] as? Int == 4365)
        let admin = cloud.admin.call("stopVirtualMachine", [("id", theirs)])
        #expect(admin.status == 200)
    }

    @Test func getUserAndGetUserKeysAreForAdmins() {
        let cloud = TestCloud()
        let denied = cloud.user1.call("getUser", [("userapikey", cloud.user2.apiKey)])
        #expect(denied.status == 432)
        #expect(
            denied.inner("errorresponse")["errortext"] as? String
                == "The API [getUser] does not exist or is not available for the account user1.")
        let user = cloud.admin.call("getUser", [("userapikey", cloud.user2.apiKey)]).inner("getuserresponse")["user"] as? [String: Any]
        #expect(user?["account"] as? String == "user2")
        #expect(user?["secretkey"] == nil)
        let keys =
            cloud.admin.call("getUserKeys", [("id", user?["id"] as? String ?? "")]).inner("getuserkeysresponse")["userkeys"]
            as? [String: Any]
        #expect(keys?["secretkey"] as? String == cloud.user2.secret)
        let unknown = cloud.admin.call("getUser", [("userapikey", "nope")])
        #expect(unknown.status == 431)
        #expect(cloud.user1.call("getUserKeys", [("id", user?["id"] as? String ?? "")]).status == 531)
    }

    @Test func keysAreDeterministicPerSeed() {
        let a = TestCloud(), b = TestCloud()
        #expect(a.admin.apiKey == b.admin.apiKey)
        #expect(a.admin.secret == b.admin.secret)
        #expect(a.admin.apiKey != a.user1.apiKey)
        #expect(a.admin.apiKey.count == 86)
        #expect(!"\(a.simulator.credentials[0])".contains(a.admin.secret))
    }

    @Test func pagination() {
        let cloud = TestCloud(seedData: SeedData(userAccounts: 2, vmsPerAccount: 7))
        let page = cloud.user1.call("listVirtualMachines", [("page", "2"), ("pagesize", "3")]).inner("listvirtualmachinesresponse")
        #expect(page["count"] as? Int == 7)
        #expect((page["virtualmachine"] as? [[String: Any]])?.count == 3)
        let past = cloud.user1.call("listVirtualMachines", [("page", "9"), ("pagesize", "3")])
        #expect(past.text == "{\"listvirtualmachinesresponse\":{\"count\":7}}")
        let noPage = cloud.user1.call("listVirtualMachines", [("pagesize", "3")])
        #expect(noPage.status == 431)
        #expect(
            noPage.inner("listvirtualmachinesresponse")["errortext"] as? String
                == "\"page\" parameter is required when \"pagesize\" is specified")
        let tooBig = cloud.user1.call("listVirtualMachines", [("page", "1"), ("pagesize", "501")])
        #expect(
            tooBig.inner("listvirtualmachinesresponse")["errortext"] as? String == "Page size can't exceed max allowed page size value: 500"
        )
        let unlimited = cloud.user1.call("listVirtualMachines", [("pagesize", "-1")]).inner("listvirtualmachinesresponse")
        #expect((unlimited["virtualmachine"] as? [[String: Any]])?.count == 7)
        #expect(cloud.user1.call("listVirtualMachines", [("page", "1"), ("pagesize", "-1")]).status == 431)
    }
}
