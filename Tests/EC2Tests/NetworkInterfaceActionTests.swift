import CloudStack
import CloudStackSimulator
import Foundation
import Pipeline
import Testing

@testable import EC2

/// Network interfaces over CloudStack NICs: instances' `networkInterfaceSet`, DescribeNetworkInterfaces
/// (ids, filters, pages), the attribute actions, secondary IPs and detaching, every answer parsed by
/// botocore with no unknown element.
@Suite struct NetworkInterfaceActionTests {
    static let advanced = "Sandbox-simulator-advanced"
    static let basic = "Sandbox-simulator-basic"

    static func ok(_ cloud: EC2TestCloud, _ action: String, _ parameters: [(String, String)] = []) async throws -> [String: Any] {
        try await ElasticIPActionTests.ok(cloud, action, parameters)
    }

    static func code(_ cloud: EC2TestCloud, _ action: String, _ parameters: [(String, String)] = []) async throws -> String {
        try await ElasticIPActionTests.code(cloud, action, parameters)
    }

    static func launch(_ cloud: EC2TestCloud, zone: String = advanced, _ extra: [(String, String)] = []) async throws -> [String: Any] {
        let image = try await InstanceActionTests.imageID(cloud)
        let launched = try await ok(
            cloud, "RunInstances",
            [("ImageId", image), ("MinCount", "1"), ("MaxCount", "1"), ("Placement.AvailabilityZone", zone)] + extra)
        return try #require((launched["Instances"] as? [[String: Any]])?.first)
    }

    static func interfaces(_ cloud: EC2TestCloud, _ parameters: [(String, String)] = []) async throws -> [[String: Any]] {
        try await ok(cloud, "DescribeNetworkInterfaces", parameters)["NetworkInterfaces"] as? [[String: Any]] ?? []
    }

    static func instance(_ cloud: EC2TestCloud, _ id: String) async throws -> [String: Any] {
        try await ElasticIPActionTests.instance(cloud, id)
    }

    static func uuid(_ id: String) -> String {
        let hex = Array(id.split(separator: "-").last.map(String.init) ?? "")
        guard hex.count == 32 else { return "" }
        let cuts = [8, 12, 16, 20]
        var out = ""
        for (index, character) in hex.enumerated() {
            if cuts.contains(index) { out.append("-") }
            out.append(character)
        }
        return out
    }

    /// A second isolated network in the advanced zone, plugged into the instance (addNicToVirtualMachine).
    static func plugSecondNic(_ cloud: EC2TestCloud, into instance: String) async throws -> String {
        let user = InstanceActionTests.userCredentials(cloud)
        let zones = try await cloud.client.listAll(CommandTable.listZones, Parameters(), as: user)
        let zone = try #require(zones.first { $0.name == advanced }?.id)
        let offering = try #require(try await cloud.client.listAll(VPCFixture.listNetworkOfferings, Parameters(), as: user).first?.id)
        let network = try await cloud.client.call(
            CommandTable.createNetwork,
            ["name": "backend", "displaytext": "backend", "networkofferingid": offering, "zoneid": zone], as: user)
        let networkID = try #require(network.id)
        _ = try await cloud.client.run(
            CommandTable.addNicToVirtualMachine, ["virtualmachineid": uuid(instance), "networkid": networkID], as: user)
        return "subnet-" + networkID.replacingOccurrences(of: "-", with: "")
    }

    @Test func instancesShowTheirInterfaceConsistentWithTheInstance() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        let launched = try await Self.launch(cloud)
        let id = try #require(launched["InstanceId"] as? String)
        for shown in [launched, try await Self.instance(cloud, id)] {
            let set = try #require(shown["NetworkInterfaces"] as? [[String: Any]])
            #expect(set.count == 1)
            let eni = try #require(set.first)
            #expect((eni["NetworkInterfaceId"] as? String)?.hasPrefix("eni-") == true)
            #expect(eni["SubnetId"] as? String == shown["SubnetId"] as? String)
            #expect(eni["VpcId"] as? String == shown["VpcId"] as? String)
            #expect(eni["PrivateIpAddress"] as? String == shown["PrivateIpAddress"] as? String)
            #expect(eni["Status"] as? String == "in-use" && eni["InterfaceType"] as? String == "interface")
            #expect(eni["SourceDestCheck"] as? Bool == true)
            #expect((eni["MacAddress"] as? String)?.split(separator: ":").count == 6)
            let attachment = try #require(eni["Attachment"] as? [String: Any])
            #expect(attachment["DeviceIndex"] as? Int == 0 && attachment["DeleteOnTermination"] as? Bool == true)
            #expect(attachment["AttachmentId"] as? String == "eni-attach-" + (eni["NetworkInterfaceId"] as? String ?? "").dropFirst(4))
            let addresses = try #require(eni["PrivateIpAddresses"] as? [[String: Any]])
            #expect(addresses.count == 1 && addresses.first?["Primary"] as? Bool == true)
        }
        // Outside a CloudStack VPC the interface is in the synthetic default VPC (decision 0009 §1).
        #expect(launched["VpcId"] as? String == "vpc-" + String(repeating: "0", count: 32))
    }

    @Test func describeNetworkInterfacesByIdFilterAndPage() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        let first = try #require(try await Self.launch(cloud)["InstanceId"] as? String)
        let second = try #require(try await Self.launch(cloud)["InstanceId"] as? String)
        let all = try await Self.interfaces(cloud)
        #expect(all.count == 2)
        let mine = try #require(
            try await Self.interfaces(cloud, [("Filter.1.Name", "attachment.instance-id"), ("Filter.1.Value.1", first)]).first)
        let eni = try #require(mine["NetworkInterfaceId"] as? String)
        #expect((mine["Attachment"] as? [String: Any])?["InstanceId"] as? String == first)
        #expect(mine["AvailabilityZone"] as? String == Self.advanced && mine["RequesterManaged"] as? Bool == false)
        #expect(try await Self.interfaces(cloud, [("NetworkInterfaceId.1", eni)]).count == 1)
        let ip = try #require(mine["PrivateIpAddress"] as? String)
        for (name, value, count) in [
            ("private-ip-address", ip, 1), ("addresses.private-ip-address", ip, 1), ("network-interface-id", eni, 1),
            ("subnet-id", mine["SubnetId"] as? String ?? "", 2), ("vpc-id", mine["VpcId"] as? String ?? "", 2),
            ("status", "in-use", 2), ("status", "available", 0), ("mac-address", mine["MacAddress"] as? String ?? "", 1),
            ("attachment.device-index", "0", 2), ("interface-type", "interface", 2),
        ] {
            let found = try await Self.interfaces(cloud, [("Filter.1.Name", name), ("Filter.1.Value.1", value)])
            #expect(found.count == count, "\(name)=\(value)")
        }
        #expect(
            try await Self.code(cloud, "DescribeNetworkInterfaces", [("Filter.1.Name", "no-such"), ("Filter.1.Value.1", "x")])
                == "InvalidParameterValue")
        let missing = "eni-" + String(repeating: "a", count: 32)
        #expect(
            try await Self.code(cloud, "DescribeNetworkInterfaces", [("NetworkInterfaceId.1", missing)])
                == "InvalidNetworkInterfaceID.NotFound")
        #expect(
            try await Self.code(cloud, "DescribeNetworkInterfaces", [("NetworkInterfaceId.1", "eni-zz")])
                == "InvalidNetworkInterfaceID.Malformed")
        // Pages of one, in id order, with the same interfaces as one answer.
        let page1 = try await Self.ok(cloud, "DescribeNetworkInterfaces", [("MaxResults", "5")])
        #expect((page1["NetworkInterfaces"] as? [[String: Any]])?.count == 2 && page1["NextToken"] == nil)
        _ = second
        #expect(try await Self.code(cloud, "DescribeNetworkInterfaces", [("MaxResults", "1")]) == "InvalidParameterValue")
    }

    @Test func describeNetworkInterfacesPagesThroughEveryInterface() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        for _ in 0..<6 { _ = try await Self.launch(cloud) }
        var seen: [String] = []
        var token: String? = nil
        repeat {
            var parameters = [("MaxResults", "5")]
            if let token { parameters.append(("NextToken", token)) }
            let page = try await Self.ok(cloud, "DescribeNetworkInterfaces", parameters)
            seen += (page["NetworkInterfaces"] as? [[String: Any]] ?? []).compactMap { $0["NetworkInterfaceId"] as? String }
            token = page["NextToken"] as? String
        } while token != nil
        #expect(seen.count == 6 && Set(seen).count == 6 && seen == seen.sorted())
    }

    @Test func secondaryAddressesAssignShowAndUnassign() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        let launched = try await Self.launch(cloud)
        let id = try #require(launched["InstanceId"] as? String)
        let eni = try #require((launched["NetworkInterfaces"] as? [[String: Any]])?.first?["NetworkInterfaceId"] as? String)
        let primary = try #require(launched["PrivateIpAddress"] as? String)
        let prefix = primary.split(separator: ".").prefix(3).joined(separator: ".")
        let chosen = prefix + ".200"
        let named = try await Self.ok(cloud, "AssignPrivateIpAddresses", [("NetworkInterfaceId", eni), ("PrivateIpAddress.1", chosen)])
        #expect(named["NetworkInterfaceId"] as? String == eni)
        #expect((named["AssignedPrivateIpAddresses"] as? [[String: Any]])?.compactMap { $0["PrivateIpAddress"] as? String } == [chosen])
        let counted = try await Self.ok(
            cloud, "AssignPrivateIpAddresses", [("NetworkInterfaceId", eni), ("SecondaryPrivateIpAddressCount", "2")])
        let picked = (counted["AssignedPrivateIpAddresses"] as? [[String: Any]] ?? []).compactMap { $0["PrivateIpAddress"] as? String }
        #expect(picked.count == 2 && !picked.contains(chosen) && !picked.contains(primary))
        // Both views show the secondary addresses after the primary one.
        let described = try #require(try await Self.interfaces(cloud, [("NetworkInterfaceId.1", eni)]).first)
        let listed = (described["PrivateIpAddresses"] as? [[String: Any]] ?? []).compactMap { $0["PrivateIpAddress"] as? String }
        #expect(listed == [primary, chosen] + picked)
        let onInstance = try #require((try await Self.instance(cloud, id)["NetworkInterfaces"] as? [[String: Any]])?.first)
        let instanceListed = (onInstance["PrivateIpAddresses"] as? [[String: Any]] ?? []).map {
            ($0["PrivateIpAddress"] as? String ?? "", $0["Primary"] as? Bool ?? true)
        }
        #expect(instanceListed.map(\.0) == listed && instanceListed.map(\.1) == [true, false, false, false])
        #expect(
            try await Self.interfaces(cloud, [("Filter.1.Name", "addresses.private-ip-address"), ("Filter.1.Value.1", chosen)]).count == 1)
        // An address in use, outside the network, or twice: refused, nothing half done.
        #expect(
            try await Self.code(cloud, "AssignPrivateIpAddresses", [("NetworkInterfaceId", eni), ("PrivateIpAddress.1", "192.0.2.9")])
                == "InvalidParameterValue")
        #expect(
            try await Self.code(
                cloud, "AssignPrivateIpAddresses",
                [("NetworkInterfaceId", eni), ("PrivateIpAddress.1", prefix + ".201"), ("PrivateIpAddress.2", "192.0.2.9")])
                == "InvalidParameterValue")
        let after = try #require(try await Self.interfaces(cloud, [("NetworkInterfaceId.1", eni)]).first)
        #expect((after["PrivateIpAddresses"] as? [[String: Any]])?.count == 4)
        #expect(
            try await Self.code(cloud, "AssignPrivateIpAddresses", [("NetworkInterfaceId", eni), ("Ipv4PrefixCount", "1")])
                == "UnsupportedOperation")
        #expect(try await Self.code(cloud, "AssignPrivateIpAddresses", [("NetworkInterfaceId", eni)]) == "MissingParameter")
        #expect(
            try await Self.code(
                cloud, "AssignPrivateIpAddresses",
                [("NetworkInterfaceId", eni), ("PrivateIpAddress.1", chosen), ("SecondaryPrivateIpAddressCount", "1")])
                == "InvalidParameterCombination")
        #expect(
            try await Self.code(cloud, "AssignPrivateIpAddresses", [("NetworkInterfaceId", eni), ("SecondaryPrivateIpAddressCount", "33")])
                == "InvalidParameterValue")

        // Unassign: the primary and a foreign address are refused; the named ones go.
        #expect(
            try await Self.code(cloud, "UnassignPrivateIpAddresses", [("NetworkInterfaceId", eni), ("PrivateIpAddress.1", primary)])
                == "InvalidParameterValue")
        #expect(
            try await Self.code(cloud, "UnassignPrivateIpAddresses", [("NetworkInterfaceId", eni), ("PrivateIpAddress.1", "10.9.9.9")])
                == "InvalidParameterValue")
        // No output shape in botocore's model (EC2 writes only `return`): ok() fails on any error.
        _ = try await Self.ok(
            cloud, "UnassignPrivateIpAddresses",
            [("NetworkInterfaceId", eni), ("PrivateIpAddress.1", chosen)]
                + picked.enumerated().map { ("PrivateIpAddress.\($0.offset + 2)", $0.element) })
        let cleared = try #require(try await Self.interfaces(cloud, [("NetworkInterfaceId.1", eni)]).first)
        #expect((cleared["PrivateIpAddresses"] as? [[String: Any]])?.compactMap { $0["PrivateIpAddress"] as? String } == [primary])
    }

    @Test func reassignmentNeedsAllowReassignment() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        let a = try #require(
            (try await Self.launch(cloud)["NetworkInterfaces"] as? [[String: Any]])?.first?["NetworkInterfaceId"] as? String)
        let b = try #require(
            (try await Self.launch(cloud)["NetworkInterfaces"] as? [[String: Any]])?.first?["NetworkInterfaceId"] as? String)
        let taken = try await Self.ok(
            cloud, "AssignPrivateIpAddresses", [("NetworkInterfaceId", a), ("SecondaryPrivateIpAddressCount", "1")])
        let address = try #require((taken["AssignedPrivateIpAddresses"] as? [[String: Any]])?.first?["PrivateIpAddress"] as? String)
        #expect(
            try await Self.code(cloud, "AssignPrivateIpAddresses", [("NetworkInterfaceId", b), ("PrivateIpAddress.1", address)])
                == "InvalidParameterValue")
        _ = try await Self.ok(
            cloud, "AssignPrivateIpAddresses", [("NetworkInterfaceId", b), ("PrivateIpAddress.1", address), ("AllowReassignment", "true")])
        let onA = try #require(try await Self.interfaces(cloud, [("NetworkInterfaceId.1", a)]).first)
        let onB = try #require(try await Self.interfaces(cloud, [("NetworkInterfaceId.1", b)]).first)
        #expect((onA["PrivateIpAddresses"] as? [[String: Any]])?.count == 1)
        #expect((onB["PrivateIpAddresses"] as? [[String: Any]])?.compactMap { $0["PrivateIpAddress"] as? String }.last == address)
    }

    @Test func secondNicShowsUpAndDetachesButTheDefaultNicDoesNot() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        let id = try #require(try await Self.launch(cloud)["InstanceId"] as? String)
        let subnet = try await Self.plugSecondNic(cloud, into: id)
        let set = try #require(try await Self.instance(cloud, id)["NetworkInterfaces"] as? [[String: Any]])
        #expect(set.count == 2)
        let indices = set.compactMap { ($0["Attachment"] as? [String: Any])?["DeviceIndex"] as? Int }
        #expect(indices == [0, 1])
        #expect(set.last?["SubnetId"] as? String == subnet)
        let attachments = set.compactMap { ($0["Attachment"] as? [String: Any])?["AttachmentId"] as? String }
        #expect(try await Self.code(cloud, "DetachNetworkInterface", [("AttachmentId", attachments[0])]) == "OperationNotPermitted")
        _ = try await Self.ok(cloud, "DetachNetworkInterface", [("AttachmentId", attachments[1])])
        #expect((try await Self.instance(cloud, id)["NetworkInterfaces"] as? [[String: Any]])?.count == 1)
        #expect(try await Self.code(cloud, "DetachNetworkInterface", [("AttachmentId", attachments[1])]) == "InvalidAttachmentID.NotFound")
        #expect(
            try await Self.code(cloud, "DetachNetworkInterface", [("AttachmentId", "eni-attach-zz")]) == "InvalidAttachmentID.Malformed")
    }

    @Test func attributesDescribeModifyAndReset() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        let launched = try await Self.launch(cloud, zone: Self.basic)
        let id = try #require(launched["InstanceId"] as? String)
        let eni = try #require((launched["NetworkInterfaces"] as? [[String: Any]])?.first?["NetworkInterfaceId"] as? String)
        let group = try await Self.ok(cloud, "CreateSecurityGroup", [("GroupName", "web"), ("GroupDescription", "web")])
        let groupID = try #require(group["GroupId"] as? String)
        func attribute(_ name: String) async throws -> [String: Any] {
            try await Self.ok(cloud, "DescribeNetworkInterfaceAttribute", [("NetworkInterfaceId", eni), ("Attribute", name)])
        }
        #expect((try await attribute("sourceDestCheck")["SourceDestCheck"] as? [String: Any])?["Value"] as? Bool == true)
        #expect((try await attribute("description")["Description"] as? [String: Any])?["Value"] as? String == "")
        #expect(((try await attribute("attachment"))["Attachment"] as? [String: Any])?["InstanceId"] as? String == id)
        let before = (try await attribute("groupSet")["Groups"] as? [[String: Any]] ?? []).compactMap { $0["GroupName"] as? String }
        #expect(before == ["default"])
        #expect(
            try await Self.code(cloud, "DescribeNetworkInterfaceAttribute", [("NetworkInterfaceId", eni), ("Attribute", "bogus")])
                == "InvalidParameterValue")

        // Groups change only while the instance is stopped (CloudStack 4.18's updateVirtualMachine).
        let modify = [("NetworkInterfaceId", eni), ("SecurityGroupId.1", groupID)]
        #expect(try await Self.code(cloud, "ModifyNetworkInterfaceAttribute", modify) == "IncorrectInstanceState")
        _ = try await Self.ok(cloud, "StopInstances", [("InstanceId.1", id)])
        cloud.clock.advance(seconds: 5)
        _ = try await Self.ok(cloud, "ModifyNetworkInterfaceAttribute", modify)
        let after = (try await attribute("groupSet")["Groups"] as? [[String: Any]] ?? []).compactMap { $0["GroupId"] as? String }
        #expect(after == [groupID])
        let instanceGroups = (try await Self.instance(cloud, id)["SecurityGroups"] as? [[String: Any]] ?? []).compactMap {
            $0["GroupId"] as? String
        }
        #expect(instanceGroups == [groupID])

        // What a CloudStack NIC always is: accepted; anything else refused naming the member.
        _ = try await Self.ok(cloud, "ModifyNetworkInterfaceAttribute", [("NetworkInterfaceId", eni), ("SourceDestCheck.Value", "true")])
        for (member, value) in [("SourceDestCheck.Value", "false"), ("Description.Value", "web NIC"), ("AssociatePublicIpAddress", "true")]
        {
            #expect(
                try await Self.code(cloud, "ModifyNetworkInterfaceAttribute", [("NetworkInterfaceId", eni), (member, value)])
                    == "UnsupportedOperation", "\(member)")
        }
        #expect(
            try await Self.code(
                cloud, "ModifyNetworkInterfaceAttribute",
                [("NetworkInterfaceId", eni), ("SourceDestCheck.Value", "true"), ("Description.Value", "")])
                == "InvalidParameterCombination")
        _ = try await Self.ok(cloud, "ResetNetworkInterfaceAttribute", [("NetworkInterfaceId", eni), ("SourceDestCheck", "true")])
        let missing = "eni-" + String(repeating: "b", count: 32)
        #expect(
            try await Self.code(cloud, "ResetNetworkInterfaceAttribute", [("NetworkInterfaceId", missing), ("SourceDestCheck", "true")])
                == "InvalidNetworkInterfaceID.NotFound")
    }

    @Test func groupsOfAnInterfaceWithoutSecurityGroupsAreRefused() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        let launched = try await Self.launch(cloud)
        let id = try #require(launched["InstanceId"] as? String)
        let eni = try #require((launched["NetworkInterfaces"] as? [[String: Any]])?.first?["NetworkInterfaceId"] as? String)
        let group = try await Self.ok(cloud, "CreateSecurityGroup", [("GroupName", "web"), ("GroupDescription", "web")])
        _ = try await Self.ok(cloud, "StopInstances", [("InstanceId.1", id)])
        cloud.clock.advance(seconds: 5)
        let refused = try await Self.code(
            cloud, "ModifyNetworkInterfaceAttribute",
            [("NetworkInterfaceId", eni), ("SecurityGroupId.1", group["GroupId"] as? String ?? "")])
        #expect(refused == "UnsupportedOperation")
    }

    @Test func elasticIPShowsAsTheInterfaceAssociation() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        let id = try #require(try await Self.launch(cloud)["InstanceId"] as? String)
        let allocated = try await Self.ok(cloud, "AllocateAddress", [("Domain", "vpc")])
        let ip = try #require(allocated["PublicIp"] as? String)
        _ = try await Self.ok(
            cloud, "AssociateAddress", [("AllocationId", allocated["AllocationId"] as? String ?? ""), ("InstanceId", id)])
        let eni = try #require(
            try await Self.interfaces(cloud, [("Filter.1.Name", "association.public-ip"), ("Filter.1.Value.1", ip)]).first)
        let association = try #require(eni["Association"] as? [String: Any])
        #expect(association["AllocationId"] as? String == allocated["AllocationId"] as? String)
        #expect((association["AssociationId"] as? String)?.hasPrefix("eipassoc-") == true)
        let onInstance = try #require((try await Self.instance(cloud, id)["NetworkInterfaces"] as? [[String: Any]])?.first)
        #expect((onInstance["Association"] as? [String: Any])?["PublicIp"] as? String == ip)
        let described = try await Self.ok(
            cloud, "DescribeNetworkInterfaceAttribute",
            [("NetworkInterfaceId", eni["NetworkInterfaceId"] as? String ?? ""), ("Attribute", "associatePublicIpAddress")])
        #expect(described["AssociatePublicIpAddress"] as? Bool == true)
    }

    @Test(arguments: ["CreateNetworkInterface", "DeleteNetworkInterface", "AttachNetworkInterface"])
    func interfacesWithoutAVMAreRefused(action: String) async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        let code = try await Self.code(cloud, action, [("SubnetId", "subnet-" + String(repeating: "1", count: 32))])
        #expect(code == "UnsupportedOperation")
    }
}
