import CloudStack
import CloudStackSimulator
import Pipeline
import Testing

@testable import EC2

/// Create/Delete, Authorize/Revoke, DescribeSecurityGroupRules and ModifySecurityGroupRules against the simulator:
/// what a client authorised is exactly what DescribeSecurityGroups shows; EC2's error codes for the rest.
@Suite struct SecurityGroupRuleActionTests {
    static func code(_ response: Response) -> String {
        let body = String(decoding: response.body, as: UTF8.self)
        guard let start = body.range(of: "<Code>"), let end = body.range(of: "</Code>") else { return "" }
        return String(body[start.upperBound..<end.lowerBound])
    }

    static func create(_ cloud: EC2TestCloud, _ name: String) async throws -> String {
        let created = try await cloud.call("CreateSecurityGroup", [("GroupName", name), ("GroupDescription", name + " tier")])
        return try #require(created["GroupId"] as? String)
    }

    static func group(_ cloud: EC2TestCloud, _ id: String) async throws -> [String: Any] {
        try #require(SecurityGroupActionTests.groups(try await cloud.call("DescribeSecurityGroups", [("GroupId.1", id)])).first)
    }

    /// Permissions as comparable text: protocol, range, sorted sources.
    static func canonical(_ permissions: Any?) -> Set<String> {
        Set(
            ((permissions as? [[String: Any]]) ?? []).map { p in
                let cidrs = ((p["IpRanges"] as? [[String: Any]]) ?? []).compactMap { $0["CidrIp"] as? String }.sorted()
                let groups = ((p["UserIdGroupPairs"] as? [[String: Any]]) ?? []).compactMap { $0["GroupId"] as? String }.sorted()
                return
                    "\(p["IpProtocol"] ?? "")|\(p["FromPort"].map { "\($0)" } ?? "")|\(p["ToPort"].map { "\($0)" } ?? "")|\(cidrs)|\(groups)"
            })
    }

    @Test func authorizedPermissionsRoundTripThroughDescribe() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        let web = try await Self.create(cloud, "web")
        let db = try await Self.create(cloud, "db")
        let ingress: [(String, String)] = [
            ("GroupId", web),
            ("IpPermissions.1.IpProtocol", "6"), ("IpPermissions.1.FromPort", "22"), ("IpPermissions.1.ToPort", "22"),
            ("IpPermissions.1.IpRanges.1.CidrIp", "10.0.0.0/8"), ("IpPermissions.1.IpRanges.2.CidrIp", "192.168.1.0/24"),
            ("IpPermissions.1.Groups.1.GroupId", db),
            ("IpPermissions.2.IpProtocol", "icmp"), ("IpPermissions.2.FromPort", "8"), ("IpPermissions.2.ToPort", "0"),
            ("IpPermissions.2.IpRanges.1.CidrIp", "0.0.0.0/0"),
            ("IpPermissions.3.IpProtocol", "udp"), ("IpPermissions.3.FromPort", "5000"), ("IpPermissions.3.ToPort", "5100"),
            ("IpPermissions.3.IpRanges.1.CidrIp", "172.16.0.0/12"),
            ("IpPermissions.4.IpProtocol", "-1"), ("IpPermissions.4.Groups.1.GroupName", "db"),
            ("IpPermissions.5.IpProtocol", "47"), ("IpPermissions.5.IpRanges.1.CidrIp", "198.51.100.0/24"),
        ]
        let answer = await cloud.send("AuthorizeSecurityGroupIngress", ingress)
        let checked = try BotocoreResponseChecker.check([("AuthorizeSecurityGroupIngress", answer)])[0]
        #expect(answer.status == 200, "\(String(decoding: answer.body, as: UTF8.self))")
        #expect(checked.unknown.isEmpty && checked.missing.isEmpty, "\(checked.unknown) \(checked.missing)")
        #expect(checked.parsed["Return"] as? Bool == true)
        let added = checked.parsed["SecurityGroupRules"] as? [[String: Any]] ?? []
        #expect(added.count == 7)
        #expect(added.allSatisfy { ($0["SecurityGroupRuleId"] as? String)?.hasPrefix("sgr-") == true && $0["GroupId"] as? String == web })
        _ = try await cloud.call(
            "AuthorizeSecurityGroupEgress",
            [
                ("GroupId", web), ("IpPermissions.1.IpProtocol", "tcp"), ("IpPermissions.1.FromPort", "443"),
                ("IpPermissions.1.ToPort", "443"),
                ("IpPermissions.1.IpRanges.1.CidrIp", "0.0.0.0/0"),
            ])

        let described = try await Self.group(cloud, web)
        #expect(
            Self.canonical(described["IpPermissions"]) == [
                "tcp|22|22|[\"10.0.0.0/8\", \"192.168.1.0/24\"]|[\"\(db)\"]", "icmp|8|0|[\"0.0.0.0/0\"]|[]",
                "udp|5000|5100|[\"172.16.0.0/12\"]|[]", "-1|||[]|[\"\(db)\"]", "47|||[\"198.51.100.0/24\"]|[]",
            ])
        #expect(Self.canonical(described["IpPermissionsEgress"]) == ["tcp|443|443|[\"0.0.0.0/0\"]|[]"])

        // Authorizing what is there is a duplicate, even partly; the flat form revokes one source of a permission.
        let again = await cloud.send(
            "AuthorizeSecurityGroupIngress",
            [
                ("GroupId", web), ("IpProtocol", "tcp"), ("FromPort", "22"), ("ToPort", "22"), ("CidrIp", "10.0.0.0/8"),
            ])
        #expect(Self.code(again) == "InvalidPermission.Duplicate")
        _ = try await cloud.call(
            "RevokeSecurityGroupIngress",
            [
                ("GroupName", "web"), ("IpProtocol", "tcp"), ("FromPort", "22"), ("ToPort", "22"), ("CidrIp", "10.0.0.0/8"),
            ])
        let missing = await cloud.send(
            "RevokeSecurityGroupIngress",
            [
                ("GroupId", web), ("IpProtocol", "tcp"), ("FromPort", "22"), ("ToPort", "22"), ("CidrIp", "10.0.0.0/8"),
            ])
        #expect(Self.code(missing) == "InvalidPermission.NotFound")
        let after = try await Self.group(cloud, web)
        #expect(Self.canonical(after["IpPermissions"]).contains("tcp|22|22|[\"192.168.1.0/24\"]|[\"\(db)\"]"))

        // DescribeSecurityGroupRules: one rule per CloudStack rule, pages, revoke by id.
        let rules = try await cloud.call("DescribeSecurityGroupRules", [("Filter.1.Name", "group-id"), ("Filter.1.Value.1", web)])
        let list = rules["SecurityGroupRules"] as? [[String: Any]] ?? []
        #expect(list.count == 7)
        #expect(list.filter { $0["IsEgress"] as? Bool == true }.count == 1)
        var seen: [String] = []
        var token: String?
        repeat {
            var parameters = [("MaxResults", "5"), ("Filter.1.Name", "group-id"), ("Filter.1.Value.1", web)]
            if let token { parameters.append(("NextToken", token)) }
            let page = try await cloud.call("DescribeSecurityGroupRules", parameters)
            seen += (page["SecurityGroupRules"] as? [[String: Any]] ?? []).compactMap { $0["SecurityGroupRuleId"] as? String }
            token = page["NextToken"] as? String
        } while token != nil
        #expect(seen.sorted() == list.compactMap { $0["SecurityGroupRuleId"] as? String }.sorted())
        let gre = try #require(list.first { $0["IpProtocol"] as? String == "47" }?["SecurityGroupRuleId"] as? String)
        let revoked = try await cloud.call("RevokeSecurityGroupIngress", [("GroupId", web), ("SecurityGroupRuleId.1", gre)])
        #expect((revoked["RevokedSecurityGroupRules"] as? [[String: Any]])?.first?["SecurityGroupRuleId"] as? String == gre)
        let unknownRule = await cloud.send("DescribeSecurityGroupRules", [("SecurityGroupRuleId.1", gre)])
        #expect(Self.code(unknownRule) == "InvalidSecurityGroupRuleId.NotFound")

        // ModifySecurityGroupRules replaces the rule (new id) with exactly what was asked.
        let udp = try #require(list.first { $0["IpProtocol"] as? String == "udp" }?["SecurityGroupRuleId"] as? String)
        _ = try await cloud.call(
            "ModifySecurityGroupRules",
            [
                ("GroupId", web), ("SecurityGroupRule.1.SecurityGroupRuleId", udp),
                ("SecurityGroupRule.1.SecurityGroupRule.IpProtocol", "udp"),
                ("SecurityGroupRule.1.SecurityGroupRule.FromPort", "53"), ("SecurityGroupRule.1.SecurityGroupRule.ToPort", "53"),
                ("SecurityGroupRule.1.SecurityGroupRule.CidrIpv4", "10.1.0.0/16"),
            ])
        let modified = try await Self.group(cloud, web)
        #expect(Self.canonical(modified["IpPermissions"]).contains("udp|53|53|[\"10.1.0.0/16\"]|[]"))
        #expect(!Self.canonical(modified["IpPermissions"]).contains { $0.hasPrefix("udp|5000") })

        // A group another group's rule names cannot be deleted; once free it can.
        let inUse = await cloud.send("DeleteSecurityGroup", [("GroupId", db)])
        #expect(Self.code(inUse) == "DependencyViolation")
        _ = try await cloud.call(
            "RevokeSecurityGroupIngress",
            [
                ("GroupId", web), ("IpPermissions.1.IpProtocol", "tcp"), ("IpPermissions.1.FromPort", "22"),
                ("IpPermissions.1.ToPort", "22"),
                ("IpPermissions.1.Groups.1.GroupId", db), ("IpPermissions.2.IpProtocol", "-1"), ("IpPermissions.2.Groups.1.GroupId", db),
            ])
        let deleted = try await cloud.call("DeleteSecurityGroup", [("GroupName", "db")])
        #expect(deleted["Return"] as? Bool == true && deleted["GroupId"] as? String == db)
        let gone = await cloud.send("DescribeSecurityGroups", [("GroupId.1", db)])
        #expect(Self.code(gone) == "InvalidGroup.NotFound")
    }

    @Test func refusalsNameTheMember() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        let web = try await Self.create(cloud, "web")
        let base = [
            ("GroupId", web), ("IpPermissions.1.IpProtocol", "tcp"), ("IpPermissions.1.FromPort", "80"), ("IpPermissions.1.ToPort", "80"),
        ]
        let cases: [(action: String, parameters: [(String, String)], code: String, names: String)] = [
            (
                "AuthorizeSecurityGroupIngress", base + [("IpPermissions.1.Ipv6Ranges.1.CidrIpv6", "::/0")], "InvalidParameterValue",
                "Ipv6Ranges"
            ),
            (
                "AuthorizeSecurityGroupIngress", base + [("IpPermissions.1.PrefixListIds.1.PrefixListId", "pl-1")], "InvalidParameterValue",
                "PrefixListIds"
            ),
            (
                "AuthorizeSecurityGroupIngress",
                base + [("IpPermissions.1.IpRanges.1.CidrIp", "1.2.3.0/24"), ("IpPermissions.1.IpRanges.1.Description", "x")],
                "InvalidParameterValue", "Description"
            ),
            ("AuthorizeSecurityGroupIngress", base + [("IpPermissions.1.IpRanges.1.CidrIp", "1.2.3.4")], "InvalidParameterValue", "CidrIp"),
            ("AuthorizeSecurityGroupIngress", base, "InvalidParameterValue", "source"),
            (
                "AuthorizeSecurityGroupIngress",
                [("GroupId", web), ("IpPermissions.1.IpProtocol", "bogus"), ("IpPermissions.1.IpRanges.1.CidrIp", "1.2.3.0/24")],
                "InvalidParameterValue", "IpProtocol"
            ),
            (
                "AuthorizeSecurityGroupIngress",
                [
                    ("GroupId", web), ("IpPermissions.1.IpProtocol", "icmp"), ("IpPermissions.1.FromPort", "8"),
                    ("IpPermissions.1.ToPort", "-1"),
                    ("IpPermissions.1.IpRanges.1.CidrIp", "1.2.3.0/24"),
                ],
                "InvalidParameterValue", "ToPort"
            ),
            (
                "AuthorizeSecurityGroupIngress", [("GroupId", web), ("IpProtocol", "tcp"), ("CidrIp", "1.2.3.0/24")],
                "InvalidParameterValue", "FromPort"
            ),
            ("AuthorizeSecurityGroupIngress", [("GroupId", web)], "MissingParameter", "IpPermissions"),
            ("AuthorizeSecurityGroupEgress", [("IpProtocol", "-1"), ("CidrIp", "1.2.3.0/24")], "MissingParameter", "GroupId"),
            (
                "CreateSecurityGroup",
                [("GroupName", "x"), ("GroupDescription", "x"), ("VpcId", "vpc-" + String(repeating: "a", count: 32))],
                "InvalidParameterValue", "VpcId"
            ),
            ("CreateSecurityGroup", [("GroupName", "web"), ("GroupDescription", "again")], "InvalidGroup.Duplicate", "web"),
            ("CreateSecurityGroup", [("GroupName", "x")], "MissingParameter", "GroupDescription"),
            ("DeleteSecurityGroup", [("GroupName", "default")], "CannotDelete", "default"),
            ("DeleteSecurityGroup", [("GroupName", "nope")], "InvalidGroup.NotFound", "nope"),
            (
                "RevokeSecurityGroupIngress", [("GroupId", web), ("SecurityGroupRuleId.1", "sgr-" + String(repeating: "b", count: 32))],
                "InvalidSecurityGroupRuleId.NotFound", "sgr-"
            ),
            ("DescribeSecurityGroups", [("GroupName.1", "web"), ("MaxResults", "5")], "InvalidParameterCombination", "MaxResults"),
            ("GetSecurityGroupsForVpc", [], "MissingParameter", "VpcId"),
        ]
        for item in cases {
            let response = await cloud.send(item.action, item.parameters)
            let body = String(decoding: response.body, as: UTF8.self)
            #expect(response.status == 400, "\(item.action) \(item.names): \(body)")
            #expect(Self.code(response) == item.code, "\(item.action) \(item.names): \(body)")
            #expect(body.contains(item.names), "\(item.action): \(body)")
        }
        // Nothing was authorized by the refused calls.
        let rules = try await cloud.call("DescribeSecurityGroupRules", [("Filter.1.Name", "group-id"), ("Filter.1.Value.1", web)])
        #expect((rules["SecurityGroupRules"] as? [[String: Any]])?.isEmpty == true)
    }

    @Test func describePagesAndFiltersAndVpcViews() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        var created: [String] = []
        for index in 0..<7 { created.append(try await Self.create(cloud, "g\(index)")) }
        _ = try await cloud.call(
            "CreateSecurityGroup",
            [
                ("GroupName", "tagged"), ("GroupDescription", "has tags"), ("TagSpecification.1.ResourceType", "security-group"),
                ("TagSpecification.1.Tag.1.Key", "team"), ("TagSpecification.1.Tag.1.Value", "blue"),
            ])
        _ = try await cloud.call(
            "AuthorizeSecurityGroupEgress",
            [
                ("GroupId", created[0]), ("IpPermissions.1.IpProtocol", "udp"), ("IpPermissions.1.FromPort", "53"),
                ("IpPermissions.1.ToPort", "53"),
                ("IpPermissions.1.IpRanges.1.CidrIp", "8.8.8.8/32"),
            ])
        let all = SecurityGroupActionTests.groups(try await cloud.call("DescribeSecurityGroups")).compactMap { $0["GroupId"] as? String }
        #expect(all.count == 9)  // with the account's default group
        var seen: [String] = []
        var token: String?
        repeat {
            var parameters = [("MaxResults", "5")]
            if let token { parameters.append(("NextToken", token)) }
            let page = try await cloud.call("DescribeSecurityGroups", parameters)
            seen += SecurityGroupActionTests.groups(page).compactMap { $0["GroupId"] as? String }
            token = page["NextToken"] as? String
        } while token != nil
        #expect(seen == all.sorted())
        func names(_ filters: [(String, String)]) async throws -> [String] {
            SecurityGroupActionTests.groups(try await cloud.call("DescribeSecurityGroups", filters)).compactMap {
                $0["GroupName"] as? String
            }
        }
        #expect(try await names([("Filter.1.Name", "tag:team"), ("Filter.1.Value.1", "blue")]) == ["tagged"])
        #expect(try await names([("Filter.1.Name", "tag-key"), ("Filter.1.Value.1", "team")]) == ["tagged"])
        #expect(try await names([("Filter.1.Name", "description"), ("Filter.1.Value.1", "has tags")]) == ["tagged"])
        #expect(try await names([("Filter.1.Name", "egress.ip-permission.cidr"), ("Filter.1.Value.1", "8.8.8.8/32")]) == ["g0"])
        #expect(try await names([("Filter.1.Name", "egress.ip-permission.from-port"), ("Filter.1.Value.1", "53")]) == ["g0"])

        let forVpc = try await cloud.call("GetSecurityGroupsForVpc", [("VpcId", SecurityGroupMapping.defaultVpcID)])
        #expect((forVpc["SecurityGroupForVpcs"] as? [[String: Any]])?.count == 9)
        let other = try await cloud.call("GetSecurityGroupsForVpc", [("VpcId", "vpc-" + String(repeating: "c", count: 32))])
        #expect((other["SecurityGroupForVpcs"] as? [[String: Any]])?.isEmpty == true)
        let references = try await cloud.call("DescribeSecurityGroupReferences", [("GroupId.1", created[1])])
        #expect((references["SecurityGroupReferenceSet"] as? [Any])?.isEmpty ?? true)
        let stale = try await cloud.call("DescribeStaleSecurityGroups", [("VpcId", SecurityGroupMapping.defaultVpcID)])
        #expect((stale["StaleSecurityGroupSet"] as? [Any])?.isEmpty ?? true)
        let unknown = await cloud.send("DescribeSecurityGroupReferences", [("GroupId.1", "sg-" + String(repeating: "d", count: 32))])
        #expect(Self.code(unknown) == "InvalidGroup.NotFound")
    }
}
