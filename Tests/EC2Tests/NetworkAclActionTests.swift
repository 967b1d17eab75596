import CloudStack
import CloudStackSimulator
import Foundation
import Pipeline
import Testing

@testable import EC2

/// Network ACLs over CloudStack's ACL lists and items; every answer parsed by botocore.
@Suite struct NetworkAclActionTests {

    static func acls(_ parsed: [String: Any]) -> [[String: Any]] { parsed["NetworkAcls"] as? [[String: Any]] ?? [] }
    static func entries(_ acl: [String: Any]?) -> [[String: Any]] { acl?["Entries"] as? [[String: Any]] ?? [] }

    @Test func theBuiltInListsAreEveryVPCsACLsWithDefaultDenyAsDefault() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        let vpc = try await VPCFixture.make(cloud, gateway: false)
        let listed = Self.acls(
            try await VolumeActionTests.ok(cloud, "DescribeNetworkAcls", [("Filter.1.Name", "vpc-id"), ("Filter.1.Value.1", vpc.vpcID)]))
        #expect(listed.count == 2)
        let byName = Dictionary(
            uniqueKeysWithValues: listed.map { acl in
                (((acl["Tags"] as? [[String: Any]])?.first { $0["Key"] as? String == "Name" }?["Value"] as? String) ?? "", acl)
            })
        let deny = try #require(byName["default_deny"])
        #expect(deny["IsDefault"] as? Bool == true && byName["default_allow"]?["IsDefault"] as? Bool == false)
        let associations = deny["Associations"] as? [[String: Any]] ?? []
        #expect(associations.map { $0["SubnetId"] as? String } == [vpc.subnetID])
        #expect(associations.first?["NetworkAclAssociationId"] as? String == vpc.associationID)
        // CloudStack's deny items 1 (ingress) and 2 (egress), then EC2's implicit rule in each direction.
        let rules = Self.entries(deny).map {
            "\($0["RuleNumber"] as? Int ?? 0) \($0["Egress"] as? Bool == true ? "out" : "in") \($0["RuleAction"] as? String ?? "") \($0["Protocol"] as? String ?? "")"
        }
        #expect(rules == ["1 in deny -1", "32767 in deny -1", "2 out deny -1", "32767 out deny -1"])
        let allow = Self.entries(byName["default_allow"]).first
        #expect(allow?["RuleAction"] as? String == "allow" && allow?["CidrBlock"] as? String == "0.0.0.0/0")

        let builtIn = try #require(deny["NetworkAclId"] as? String)
        let change = try await VolumeActionTests.refused(
            cloud, "CreateNetworkAclEntry",
            [
                ("NetworkAclId", builtIn), ("RuleNumber", "100"), ("Protocol", "-1"), ("RuleAction", "allow"), ("Egress", "false"),
                ("CidrBlock", "0.0.0.0/0"),
            ])
        #expect(change.0 == "UnsupportedOperation" && change.1.contains("default_deny"))
        #expect(try await VolumeActionTests.refused(cloud, "DeleteNetworkAcl", [("NetworkAclId", builtIn)]).0 == "UnsupportedOperation")
    }

    @Test func createEntriesAssociateReplaceAndDelete() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        let vpc = try await VPCFixture.make(cloud, gateway: false)
        let created = try await VolumeActionTests.ok(
            cloud, "CreateNetworkAcl",
            [
                ("VpcId", vpc.vpcID), ("ClientToken", "token-1"), ("TagSpecification.1.ResourceType", "network-acl"),
                ("TagSpecification.1.Tag.1.Key", "Name"), ("TagSpecification.1.Tag.1.Value", "web"),
            ])
        let acl = try #require(created["NetworkAcl"] as? [String: Any])
        let id = try #require(acl["NetworkAclId"] as? String)
        #expect(acl["VpcId"] as? String == vpc.vpcID && acl["IsDefault"] as? Bool == false)
        #expect(Self.entries(acl).map { $0["RuleNumber"] as? Int } == [32767, 32767])
        let retried = try await VolumeActionTests.ok(
            cloud, "CreateNetworkAcl",
            [
                ("VpcId", vpc.vpcID), ("ClientToken", "token-1"), ("TagSpecification.1.ResourceType", "network-acl"),
                ("TagSpecification.1.Tag.1.Key", "Name"), ("TagSpecification.1.Tag.1.Value", "web"),
            ])
        #expect((retried["NetworkAcl"] as? [String: Any])?["NetworkAclId"] as? String == id)

        func entry(_ number: String, egress: String, _ extra: [(String, String)]) -> [(String, String)] {
            [("NetworkAclId", id), ("RuleNumber", number), ("RuleAction", "allow"), ("Egress", egress), ("CidrBlock", "10.0.0.0/8")] + extra
        }
        _ = try await VolumeActionTests.ok(
            cloud, "CreateNetworkAclEntry",
            entry("100", egress: "false", [("Protocol", "6"), ("PortRange.From", "22"), ("PortRange.To", "22")]))
        // EC2 numbers each direction: the same number egress is another rule.
        _ = try await VolumeActionTests.ok(cloud, "CreateNetworkAclEntry", entry("100", egress: "true", [("Protocol", "-1")]))
        _ = try await VolumeActionTests.ok(
            cloud, "CreateNetworkAclEntry", entry("110", egress: "false", [("Protocol", "icmp"), ("Icmp.Type", "8"), ("Icmp.Code", "-1")]))
        let duplicate = try await VolumeActionTests.refused(
            cloud, "CreateNetworkAclEntry", entry("100", egress: "false", [("Protocol", "-1")]))
        #expect(duplicate.0 == "NetworkAclEntryAlreadyExists")
        #expect(
            try await VolumeActionTests.refused(cloud, "CreateNetworkAclEntry", entry("120", egress: "false", [("Protocol", "6")])).0
                == "MissingParameter")
        #expect(
            try await VolumeActionTests.refused(cloud, "CreateNetworkAclEntry", entry("32767", egress: "false", [("Protocol", "-1")])).0
                == "InvalidParameterValue")
        #expect(
            try await VolumeActionTests.refused(cloud, "CreateNetworkAclEntry", entry("130", egress: "false", [("Protocol", "999")])).0
                == "InvalidParameterValue")
        let ipv6 = try await VolumeActionTests.refused(
            cloud, "CreateNetworkAclEntry", entry("140", egress: "false", [("Protocol", "-1"), ("Ipv6CidrBlock", "::/0")]))
        #expect(ipv6.0 == "UnsupportedOperation" && ipv6.1.contains("Ipv6CidrBlock"))

        let shown = try #require(Self.acls(try await VolumeActionTests.ok(cloud, "DescribeNetworkAcls", [("NetworkAclId.1", id)])).first)
        let rules = Self.entries(shown).map { e in
            let from = (e["PortRange"] as? [String: Any])?["From"] as? Int
            let type = (e["IcmpTypeCode"] as? [String: Any])?["Type"] as? Int
            return
                "\(e["RuleNumber"] as? Int ?? 0) \(e["Egress"] as? Bool == true ? "out" : "in") \(e["Protocol"] as? String ?? "") \(from.map(String.init) ?? "-") \(type.map(String.init) ?? "-")"
        }
        #expect(rules == ["100 in 6 22 -", "110 in 1 - 8", "32767 in -1 - -", "100 out -1 - -", "32767 out -1 - -"])
        #expect((shown["Tags"] as? [[String: Any]])?.first?["Value"] as? String == "web")

        _ = try await VolumeActionTests.ok(
            cloud, "ReplaceNetworkAclEntry",
            entry("100", egress: "false", [("Protocol", "17"), ("PortRange.From", "53"), ("PortRange.To", "53")]))
        let replaced = try #require(Self.acls(try await VolumeActionTests.ok(cloud, "DescribeNetworkAcls", [("NetworkAclId.1", id)])).first)
        let first = Self.entries(replaced).first
        #expect(first?["Protocol"] as? String == "17" && (first?["PortRange"] as? [String: Any])?["To"] as? Int == 53)
        let missing = try await VolumeActionTests.refused(
            cloud, "ReplaceNetworkAclEntry", entry("999", egress: "false", [("Protocol", "-1")]))
        #expect(missing.0 == "InvalidNetworkAclEntry.NotFound")

        let association = try await VolumeActionTests.ok(
            cloud, "ReplaceNetworkAclAssociation", [("AssociationId", vpc.associationID), ("NetworkAclId", id)])
        #expect(association["NewAssociationId"] as? String == vpc.associationID)
        let bySubnet = Self.acls(
            try await VolumeActionTests.ok(
                cloud, "DescribeNetworkAcls", [("Filter.1.Name", "association.subnet-id"), ("Filter.1.Value.1", vpc.subnetID)]))
        #expect(bySubnet.map { $0["NetworkAclId"] as? String } == [id])
        let byName = Self.acls(
            try await VolumeActionTests.ok(cloud, "DescribeNetworkAcls", [("Filter.1.Name", "tag:Name"), ("Filter.1.Value.1", "web")]))
        #expect(byName.count == 1)
        #expect(try await VolumeActionTests.refused(cloud, "DeleteNetworkAcl", [("NetworkAclId", id)]).0 == "DependencyViolation")

        let defaultACL = try #require(
            Self.acls(
                try await VolumeActionTests.ok(cloud, "DescribeNetworkAcls", [("Filter.1.Name", "default"), ("Filter.1.Value.1", "true")])
            ).first?["NetworkAclId"] as? String)
        _ = try await VolumeActionTests.ok(
            cloud, "ReplaceNetworkAclAssociation", [("AssociationId", vpc.associationID), ("NetworkAclId", defaultACL)])
        _ = try await VolumeActionTests.ok(
            cloud, "DeleteNetworkAclEntry", [("NetworkAclId", id), ("RuleNumber", "100"), ("Egress", "true")])
        let gone = try await VolumeActionTests.refused(
            cloud, "DeleteNetworkAclEntry", [("NetworkAclId", id), ("RuleNumber", "100"), ("Egress", "true")])
        #expect(gone.0 == "InvalidNetworkAclEntry.NotFound")
        _ = try await VolumeActionTests.ok(cloud, "DeleteNetworkAcl", [("NetworkAclId", id)])
        #expect(
            try await VolumeActionTests.refused(cloud, "DescribeNetworkAcls", [("NetworkAclId.1", id)]).0 == "InvalidNetworkAclID.NotFound")
        let unknownAssociation = try await VolumeActionTests.refused(
            cloud, "ReplaceNetworkAclAssociation",
            [("AssociationId", "aclassoc-0123456789abcdef0123456789abcdef"), ("NetworkAclId", defaultACL)])
        #expect(unknownAssociation.0 == "InvalidAssociationID.NotFound")
    }

    @Test func createNetworkAclRefusesWhatCloudStackCannotHold() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        let vpc = try await VPCFixture.make(cloud, gateway: false)
        let tagged = try await VolumeActionTests.refused(
            cloud, "CreateNetworkAcl",
            [
                ("VpcId", vpc.vpcID), ("TagSpecification.1.ResourceType", "network-acl"), ("TagSpecification.1.Tag.1.Key", "env"),
                ("TagSpecification.1.Tag.1.Value", "prod"),
            ])
        #expect(tagged.0 == "UnsupportedOperation" && tagged.1.contains("env"))
        let defaultVPC = try await VolumeActionTests.refused(cloud, "CreateNetworkAcl", [("VpcId", "vpc-00000000000000000000000000000000")])
        #expect(defaultVPC.0 == "OperationNotPermitted")
        let unknown = try await VolumeActionTests.refused(cloud, "CreateNetworkAcl", [("VpcId", "vpc-0123456789abcdef0123456789abcdef")])
        #expect(unknown.0 == "InvalidVpcID.NotFound")
        #expect(try await VolumeActionTests.refused(cloud, "CreateNetworkAcl", []).0 == "MissingParameter")
    }

    @Test func describeNetworkAclsPages() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        for index in 0..<3 { _ = try await VPCFixture.make(cloud, cidr: "10.\(60 + index).0.0/16", name: "v\(index)", gateway: false) }
        var seen: [String] = []
        var token: String?
        repeat {
            var parameters = [("MaxResults", "5")]
            if let token { parameters.append(("NextToken", token)) }
            let page = try await VolumeActionTests.ok(cloud, "DescribeNetworkAcls", parameters)
            seen += Self.acls(page).map { "\($0["NetworkAclId"] ?? "")/\($0["VpcId"] ?? "")" }
            token = page["NextToken"] as? String
        } while token != nil
        #expect(seen.count == 6 && Set(seen).count == 6)
    }
}
