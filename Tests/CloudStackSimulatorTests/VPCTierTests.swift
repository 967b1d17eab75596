import Testing

@testable import CloudStackSimulator

/// VPC tiers as CloudStack 4.18 creates them: the VPC tier offering only with a VPC, inside the VPC's
/// CIDR and zone, overlapping no other tier; a VPC with tiers cannot be deleted.
@Suite struct VPCTierTests {
    struct Setup {
        let cloud: TestCloud
        let zone: String
        let isolated: String
        let tier: String
        let vpc: String
    }

    static func setUp() -> Setup {
        let cloud = TestCloud()
        let zone = cloud.catalog("Advanced").zone
        func offering(_ forVPC: String) -> String {
            let rows =
                cloud.user1.call("listNetworkOfferings", [("forvpc", forVPC)]).inner("listnetworkofferingsresponse")["networkoffering"]
                as? [[String: Any]] ?? []
            #expect(rows.count == 1 && rows.first?["forvpc"] as? Bool == (forVPC == "true"))
            return rows.first?["id"] as? String ?? ""
        }
        let vpcOffering =
            (cloud.user1.call("listVPCOfferings", [("name", "Default VPC offering")]).inner("listvpcofferingsresponse")["vpcoffering"]
            as? [[String: Any]])?.first?["id"] as? String ?? ""
        let created = cloud.user1.call(
            "createVPC",
            [("name", "v"), ("displaytext", "v"), ("cidr", "10.50.0.0/16"), ("vpcofferingid", vpcOffering), ("zoneid", zone)])
        let job = cloud.user1.waitForJob(created.inner("createvpcresponse")["jobid"] as? String ?? "", clock: cloud.clock)
        let vpc = ((job["jobresult"] as? [String: Any])?["vpc"] as? [String: Any])?["id"] as? String ?? ""
        return Setup(cloud: cloud, zone: zone, isolated: offering("false"), tier: offering("true"), vpc: vpc)
    }

    static func tier(_ s: Setup, offering: String, gateway: String, netmask: String = "255.255.255.0", vpc: Bool = true) -> Answer {
        var parameters = [("name", "t"), ("displaytext", "t"), ("networkofferingid", offering), ("zoneid", s.zone)]
        if vpc { parameters += [("vpcid", s.vpc), ("gateway", gateway), ("netmask", netmask)] }
        return s.cloud.user1.call("createNetwork", parameters)
    }

    static func error(_ answer: Answer, _ response: String) -> String { answer.inner(response)["errortext"] as? String ?? "" }

    @Test func tierOfferingOnlyWithAVPCAndViceVersa() {
        let s = Self.setUp()
        let wrong = Self.tier(s, offering: s.isolated, gateway: "10.50.1.1")
        #expect(wrong.status == 431 && Self.error(wrong, "createnetworkresponse") == "Network offering can't be used for VPC networks")
        let alone = Self.tier(s, offering: s.tier, gateway: "", vpc: false)
        #expect(alone.status == 431 && Self.error(alone, "createnetworkresponse") == "Network offering can be used for VPC networks only")
        let made = Self.tier(s, offering: s.tier, gateway: "10.50.1.1", netmask: "255.255.254.0")
        let network = made.inner("createnetworkresponse")["network"] as? [String: Any]
        #expect(made.status == 200 && network?["cidr"] as? String == "10.50.0.0/23")
        #expect(network?["networkofferingname"] as? String == "DefaultIsolatedNetworkOfferingForVpcNetworks")
        #expect(network?["vpcid"] as? String == s.vpc)
    }

    @Test func tierMustLieInsideTheVPCAndOverlapNoOtherTier() {
        let s = Self.setUp()
        let outside = Self.tier(s, offering: s.tier, gateway: "10.51.1.1")
        #expect(outside.status == 431 && Self.error(outside, "createnetworkresponse").contains("is not within vpc"))
        #expect(Self.tier(s, offering: s.tier, gateway: "10.50.1.1").status == 200)
        let overlap = Self.tier(s, offering: s.tier, gateway: "10.50.1.129", netmask: "255.255.255.128")
        #expect(overlap.status == 431 && Self.error(overlap, "createnetworkresponse").contains("crosses other network cidr"))
        let badMask = Self.tier(s, offering: s.tier, gateway: "10.50.2.1", netmask: "255.0.255.0")
        #expect(badMask.status == 431)
    }

    @Test func aVPCWithTiersIsNotDeleted() {
        let s = Self.setUp()
        let made = Self.tier(s, offering: s.tier, gateway: "10.50.1.1")
        let tier = (made.inner("createnetworkresponse")["network"] as? [String: Any])?["id"] as? String ?? ""
        let refused = s.cloud.user1.waitForJob(
            s.cloud.user1.call("deleteVPC", [("id", s.vpc)]).inner("deletevpcresponse")["jobid"] as? String ?? "", clock: s.cloud.clock)
        // An InvalidParameterValueException in a job is not a ServerApiException: the job fails with 530.
        #expect(refused["jobstatus"] as? Int == 2 && refused["jobresultcode"] as? Int == 530)
        let still = s.cloud.user1.call("listVPCs", [("id", s.vpc)]).inner("listvpcsresponse")["count"] as? Int
        #expect(still == 1)
        _ = s.cloud.user1.waitForJob(
            s.cloud.user1.call("deleteNetwork", [("id", tier)]).inner("deletenetworkresponse")["jobid"] as? String ?? "",
            clock: s.cloud.clock)
        let deleted = s.cloud.user1.waitForJob(
            s.cloud.user1.call("deleteVPC", [("id", s.vpc)]).inner("deletevpcresponse")["jobid"] as? String ?? "", clock: s.cloud.clock)
        #expect(deleted["jobstatus"] as? Int == 1)
    }

    /// A VPC address belongs to no tier until static NAT names one with `networkid` (EnableStaticNatCmd), is that
    /// tier's while NATed (listed with `associatednetworkid` and the VM's address on it), and the VPC's again after.
    @Test func staticNatPlacesAVPCAddressInATier() {
        let s = Self.setUp()
        let made = Self.tier(s, offering: s.tier, gateway: "10.50.1.1")
        let tier = (made.inner("createnetworkresponse")["network"] as? [String: Any])?["id"] as? String ?? ""
        let vm = s.cloud.deploy(s.cloud.user1, [("networkids", tier)], networkType: "Advanced")
        let assoc = s.cloud.user1.call("associateIpAddress", [("vpcid", s.vpc)]).inner("associateipaddressresponse")
        let ip = assoc["id"] as? String ?? ""
        _ = s.cloud.user1.waitForJob(assoc["jobid"] as? String ?? "", clock: s.cloud.clock)
        func listed() -> [String: Any] {
            (s.cloud.user1.call("listPublicIpAddresses", [("id", ip)]).inner("listpublicipaddressesresponse")["publicipaddress"]
                as? [[String: Any]])?.first ?? [:]
        }
        #expect(listed()["associatednetworkid"] == nil && listed()["vpcid"] as? String == s.vpc)
        let unplaced = s.cloud.user1.call("enableStaticNat", [("ipaddressid", ip), ("virtualmachineid", vm)])
        #expect(unplaced.status == 431)
        #expect(Self.error(unplaced, "enablestaticnatresponse").contains("no networkId is passed in"))
        let isolated =
            (s.cloud.user1.call("listNetworks", [("zoneid", s.zone)]).inner("listnetworksresponse")["network"] as? [[String: Any]] ?? [])
            .first { $0["vpcid"] == nil }?["id"] as? String ?? "none"
        #expect(
            s.cloud.user1.call("enableStaticNat", [("ipaddressid", ip), ("virtualmachineid", vm), ("networkid", isolated)]).status == 431)
        let placed = s.cloud.user1.call("enableStaticNat", [("ipaddressid", ip), ("virtualmachineid", vm), ("networkid", tier)])
        #expect(placed.status == 200)
        let nicAddress =
            ((s.cloud.user1.call("listVirtualMachines", [("id", vm)]).inner("listvirtualmachinesresponse")["virtualmachine"]
            as? [[String: Any]])?.first?["nic"] as? [[String: Any]])?.first?["ipaddress"] as? String
        #expect(listed()["associatednetworkid"] as? String == tier)
        #expect(listed()["vmipaddress"] as? String == nicAddress && nicAddress?.hasPrefix("10.50.1.") == true)
        _ = s.cloud.user1.waitForJob(
            s.cloud.user1.call("disableStaticNat", [("ipaddressid", ip)]).inner("disablestaticnatresponse")["jobid"] as? String ?? "",
            clock: s.cloud.clock)
        #expect(listed()["associatednetworkid"] == nil && listed()["isstaticnat"] as? Bool == false)
    }

    /// An associateIpAddress job that fails (error injection) releases the address again, as
    /// AssociateIPAddrCmd.execute does when the address cannot be applied.
    @Test func aFailedAssociateJobLeavesNoAddress() {
        let s = Self.setUp()
        s.cloud.simulator.setErrorInjection(ErrorInjection(failingJobs: ["associateIpAddress"]))
        let assoc = s.cloud.user1.call("associateIpAddress", [("vpcid", s.vpc)]).inner("associateipaddressresponse")
        let job = s.cloud.user1.waitForJob(assoc["jobid"] as? String ?? "", clock: s.cloud.clock)
        #expect(job["jobstatus"] as? Int == 2 && job["jobresultcode"] as? Int == 530)
        let left =
            s.cloud.user1.call("listPublicIpAddresses", [("id", assoc["id"] as? String ?? "")])
            .inner("listpublicipaddressesresponse")["count"] as? Int
        #expect(left == nil)
    }

    @Test func aTierWithADestroyedVMIsNotDeletedUntilTheVMIsExpunged() {
        let s = Self.setUp()
        let made = Self.tier(s, offering: s.tier, gateway: "10.50.1.1")
        let tier = (made.inner("createnetworkresponse")["network"] as? [String: Any])?["id"] as? String ?? ""
        let vm = s.cloud.deploy(s.cloud.user1, [("networkids", tier)], networkType: "Advanced")
        _ = s.cloud.user1.waitForJob(
            s.cloud.user1.call("destroyVirtualMachine", [("id", vm)]).inner("destroyvirtualmachineresponse")["jobid"] as? String ?? "",
            clock: s.cloud.clock)
        // The owner no longer sees the Destroyed VM (allow.user.view.destroyed.vm is false by default) ...
        let seen = s.cloud.user1.call("listVirtualMachines", [("networkid", tier)]).inner("listvirtualmachinesresponse")["count"] as? Int
        #expect(seen == nil || seen == 0)
        // ... but destroyNetwork still finds it and DeleteNetworkCmd fails the job with its one text.
        let refused = s.cloud.user1.waitForJob(
            s.cloud.user1.call("deleteNetwork", [("id", tier)]).inner("deletenetworkresponse")["jobid"] as? String ?? "",
            clock: s.cloud.clock)
        #expect(refused["jobstatus"] as? Int == 2 && refused["jobresultcode"] as? Int == 530)
        #expect((refused["jobresult"] as? [String: Any])?["errortext"] as? String == "Failed to delete network")
        _ = s.cloud.admin.waitForJob(
            s.cloud.admin.call("expungeVirtualMachine", [("id", vm)]).inner("expungevirtualmachineresponse")["jobid"] as? String ?? "",
            clock: s.cloud.clock)
        let deleted = s.cloud.user1.waitForJob(
            s.cloud.user1.call("deleteNetwork", [("id", tier)]).inner("deletenetworkresponse")["jobid"] as? String ?? "",
            clock: s.cloud.clock)
        #expect(deleted["jobstatus"] as? Int == 1)
    }
}
