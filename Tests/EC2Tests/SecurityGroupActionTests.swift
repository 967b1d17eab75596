import CloudStack
import CloudStackSimulator
import Testing

@testable import EC2

/// Security groups: CloudStack's one-source rules shown as EC2's grouped `IpPermission`s, in the default VPC.
@Suite struct SecurityGroupActionTests {
    static func groups(_ answer: [String: Any]) -> [[String: Any]] { answer["SecurityGroups"] as? [[String: Any]] ?? [] }

    @Test func describeShowsCloudStackRulesGroupedAsEC2Permissions() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        let keys = InstanceActionTests.userCredentials(cloud)
        let web = try await cloud.client.call(CommandTable.createSecurityGroup, ["name": "web", "description": "Web tier"], as: keys)
        _ = try await cloud.client.call(CommandTable.createSecurityGroup, ["name": "db"], as: keys)
        var tcp: Parameters = ["securitygroupname": "web", "protocol": "tcp", "startport": "22", "endport": "22"]
        tcp.setList("cidrlist", ["10.0.0.0/8", "192.168.1.0/24"])
        _ = try await cloud.client.run(CommandTable.authorizeSecurityGroupIngress, tcp, as: keys)
        var icmp: Parameters = ["securitygroupname": "web", "protocol": "icmp", "icmptype": "8", "icmpcode": "0"]
        icmp.setList("cidrlist", ["0.0.0.0/0"])
        _ = try await cloud.client.run(CommandTable.authorizeSecurityGroupIngress, icmp, as: keys)
        let account = try #require(web.account)
        let fromDB: Parameters = [
            "securitygroupname": "web", "protocol": "all", "usersecuritygrouplist[0].group": "db",
            "usersecuritygrouplist[0].account": account,
        ]
        _ = try await cloud.client.run(CommandTable.authorizeSecurityGroupIngress, fromDB, as: keys)

        let checked = try BotocoreResponseChecker.check([("DescribeSecurityGroups", await cloud.send("DescribeSecurityGroups"))])[0]
        #expect(checked.unknown.isEmpty && checked.missing.isEmpty, "\(checked.unknown) \(checked.missing)")
        let all = Self.groups(checked.parsed)
        let described = try #require(all.first { $0["GroupName"] as? String == "web" })
        let dbID = try #require(all.first { $0["GroupName"] as? String == "db" }?["GroupId"] as? String)
        #expect(described["GroupId"] as? String == EC2ID(kind: .securityGroup, cloudStackUUID: web.id ?? "")?.description)
        #expect(described["Description"] as? String == "Web tier")
        #expect(described["VpcId"] as? String == SecurityGroupMapping.defaultVpcID)
        #expect(described["OwnerId"] as? String == account)
        let permissions = described["IpPermissions"] as? [[String: Any]] ?? []
        #expect(permissions.count == 3)
        let ssh = permissions.first { $0["IpProtocol"] as? String == "tcp" }
        #expect(ssh?["FromPort"] as? Int == 22 && ssh?["ToPort"] as? Int == 22)
        #expect((ssh?["IpRanges"] as? [[String: Any]])?.compactMap { $0["CidrIp"] as? String } == ["10.0.0.0/8", "192.168.1.0/24"])
        let ping = permissions.first { $0["IpProtocol"] as? String == "icmp" }
        #expect(ping?["FromPort"] as? Int == 8 && ping?["ToPort"] as? Int == 0)
        let group = permissions.first { $0["IpProtocol"] as? String == "-1" }
        #expect(group?["FromPort"] == nil)
        let pair = (group?["UserIdGroupPairs"] as? [[String: Any]])?.first
        #expect(pair?["GroupId"] as? String == dbID && pair?["GroupName"] as? String == "db" && pair?["UserId"] as? String == account)

        let byName = Self.groups(try await cloud.call("DescribeSecurityGroups", [("GroupName.1", "db")]))
        #expect(byName.map { $0["GroupId"] as? String } == [dbID])
        let byID = Self.groups(try await cloud.call("DescribeSecurityGroups", [("GroupId.1", dbID)]))
        #expect(byID.count == 1)
        let filtered = Self.groups(
            try await cloud.call(
                "DescribeSecurityGroups",
                [
                    ("Filter.1.Name", "ip-permission.cidr"), ("Filter.1.Value.1", "192.168.1.0/24"), ("Filter.2.Name", "vpc-id"),
                    ("Filter.2.Value.1", SecurityGroupMapping.defaultVpcID),
                ]))
        #expect(filtered.map { $0["GroupName"] as? String } == ["web"])
        let missing = await cloud.send("DescribeSecurityGroups", [("GroupName.1", "nope")])
        #expect(String(decoding: missing.body, as: UTF8.self).contains("InvalidGroup.NotFound"))
        let unknownID = await cloud.send("DescribeSecurityGroups", [("GroupId.1", "sg-" + String(repeating: "a", count: 32))])
        #expect(String(decoding: unknownID.body, as: UTF8.self).contains("InvalidGroup.NotFound"))
        let badFilter = await cloud.send("DescribeSecurityGroups", [("Filter.1.Name", "nope"), ("Filter.1.Value.1", "x")])
        #expect(badFilter.status == 400)
    }
}
