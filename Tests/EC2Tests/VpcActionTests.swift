import CloudStack
import CloudStackSimulator
import Foundation
import Pipeline
import Testing

@testable import EC2

/// VPCs and subnets over CloudStack VPCs, tiers and zone networks; every answer parsed by botocore with
/// no unknown elements.
@Suite struct VpcActionTests {
    static func ok(_ cloud: EC2TestCloud, _ action: String, _ parameters: [(String, String)] = []) async throws -> [String: Any] {
        try await VolumeActionTests.ok(cloud, action, parameters)
    }

    static func refused(_ cloud: EC2TestCloud, _ action: String, _ parameters: [(String, String)] = []) async throws -> (String, String) {
        try await VolumeActionTests.refused(cloud, action, parameters)
    }

    static func vpcs(_ parsed: [String: Any]) -> [[String: Any]] { parsed["Vpcs"] as? [[String: Any]] ?? [] }
    static func subnets(_ parsed: [String: Any]) -> [[String: Any]] { parsed["Subnets"] as? [[String: Any]] ?? [] }
    static func filter(_ name: String, _ value: String, _ index: Int = 1) -> [(String, String)] {
        [("Filter.\(index).Name", name), ("Filter.\(index).Value.1", value)]
    }

    /// A VPC made with CreateVpc, named by its `Name` tag.
    static func createVPC(_ cloud: EC2TestCloud, _ cidr: String, name: String = "web") async throws -> String {
        let created = try await Self.ok(
            cloud, "CreateVpc",
            [
                ("CidrBlock", cidr), ("TagSpecification.1.ResourceType", "vpc"), ("TagSpecification.1.Tag.1.Key", "Name"),
                ("TagSpecification.1.Tag.1.Value", name),
            ])
        return try #require((created["Vpc"] as? [String: Any])?["VpcId"] as? String)
    }

    /// The CloudStack UUID an EC2 id carries.
    static func uuid(_ id: String) -> String {
        let hex = Array(id.split(separator: "-", maxSplits: 1)[1])
        return String(hex[0..<8]) + "-" + String(hex[8..<12]) + "-" + String(hex[12..<16]) + "-" + String(hex[16..<20]) + "-"
            + String(hex[20...])
    }

    static func createSubnet(_ cloud: EC2TestCloud, _ vpc: String, _ cidr: String) async throws -> [String: Any] {
        try #require(try await Self.ok(cloud, "CreateSubnet", [("VpcId", vpc), ("CidrBlock", cidr)])["Subnet"] as? [String: Any])
    }

    @Test func createDescribeAndDeleteAVPCWithSubnets() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        let created = try await Self.ok(
            cloud, "CreateVpc",
            [
                ("CidrBlock", "10.60.0.0/16"), ("InstanceTenancy", "default"), ("TagSpecification.1.ResourceType", "vpc"),
                ("TagSpecification.1.Tag.1.Key", "Name"), ("TagSpecification.1.Tag.1.Value", "web"),
                ("TagSpecification.1.Tag.2.Key", "team"), ("TagSpecification.1.Tag.2.Value", "blue"),
            ])
        let made = try #require(created["Vpc"] as? [String: Any])
        let vpc = try #require(made["VpcId"] as? String)
        #expect(made["State"] as? String == "available" && made["IsDefault"] as? Bool == false)
        #expect(made["CidrBlock"] as? String == "10.60.0.0/16" && made["DhcpOptionsId"] as? String == DescribeDhcpOptions.fixedID)
        // CloudStack has the VPC, named after the Name tag, with the configured offering.
        let user = InstanceActionTests.userCredentials(cloud)
        let rows = try await cloud.client.listAll(CommandTable.listVPCs, Parameters(), as: user)
        let row = try #require(rows.first { "vpc-" + VPCFixture.hex($0.id ?? "") == vpc })
        #expect(row.name == "web" && row.vpcofferingname == "Default VPC offering" && row.cidr == "10.60.0.0/16")

        let described = try #require(Self.vpcs(try await Self.ok(cloud, "DescribeVpcs", [("VpcId.1", vpc)])).first)
        let tags = (described["Tags"] as? [[String: Any]] ?? []).compactMap { $0["Key"] as? String }.sorted()
        #expect(tags == ["Name", "team"] && described["InstanceTenancy"] as? String == "default")
        let association = try #require((described["CidrBlockAssociationSet"] as? [[String: Any]])?.first)
        let associatedCIDR = association["CidrBlock"] as? String
        #expect(associatedCIDR == "10.60.0.0/16")
        let associationState = (association["CidrBlockState"] as? [String: Any])?["State"] as? String
        #expect(associationState == "associated")

        let all = Self.vpcs(try await Self.ok(cloud, "DescribeVpcs"))
        #expect(all.count == 2 && all.filter { $0["IsDefault"] as? Bool == true }.count == 1)
        for (name, value, count) in [
            ("is-default", "false", 1), ("is-default", "true", 1), ("cidr", "10.60.0.0/16", 1), ("tag:Name", "web", 1),
            ("tag:Name", "other", 0), ("vpc-id", vpc, 1), ("cidr-block-association.cidr-block", "10.60.0.0/16", 1),
            ("state", "available", 2), ("tag-key", "team", 1), ("tag-value", "blue", 1),
            ("dhcp-options-id", DescribeDhcpOptions.fixedID, 2),
        ] {
            #expect(Self.vpcs(try await Self.ok(cloud, "DescribeVpcs", Self.filter(name, value))).count == count, "\(name)=\(value)")
        }

        let subnet = try await Self.createSubnet(cloud, vpc, "10.60.1.0/24")
        let subnetID = try #require(subnet["SubnetId"] as? String)
        #expect(subnet["VpcId"] as? String == vpc && subnet["CidrBlock"] as? String == "10.60.1.0/24")
        #expect(subnet["AvailableIpAddressCount"] as? Int == 251 && subnet["DefaultForAz"] as? Bool == false)
        #expect(subnet["AvailabilityZone"] as? String == "Sandbox-simulator-advanced" && subnet["State"] as? String == "available")
        #expect(subnet["MapPublicIpOnLaunch"] as? Bool == false)
        let tier = try #require(
            try await cloud.client.listAll(CommandTable.listNetworks, ["vpcid": row.id ?? ""], as: user).first)
        #expect(tier.gateway == "10.60.1.1" && tier.netmask == "255.255.255.0")
        #expect(tier.networkofferingname == "DefaultIsolatedNetworkOfferingForVpcNetworks" && tier.aclname == "default_deny")

        // Outside the VPC, overlapping a tier, in another zone.
        let outside = try await Self.refused(cloud, "CreateSubnet", [("VpcId", vpc), ("CidrBlock", "10.61.0.0/24")])
        #expect(outside.0 == "InvalidSubnet.Range")
        let conflict = try await Self.refused(cloud, "CreateSubnet", [("VpcId", vpc), ("CidrBlock", "10.60.1.128/25")])
        #expect(conflict.0 == "InvalidSubnet.Conflict")
        let zone = try await Self.refused(
            cloud, "CreateSubnet", [("VpcId", vpc), ("CidrBlock", "10.60.2.0/24"), ("AvailabilityZone", "Sandbox-simulator-basic")])
        #expect(zone.0 == "InvalidParameterValue" && zone.1.contains("availabilityZone"))
        let second = try await Self.ok(
            cloud, "CreateSubnet",
            [("VpcId", vpc), ("CidrBlock", "10.60.2.0/28"), ("AvailabilityZone", "Sandbox-simulator-advanced")])
        #expect((second["Subnet"] as? [String: Any])?["AvailableIpAddressCount"] as? Int == 11)

        for (name, value, count) in [
            ("vpc-id", vpc, 2), ("cidr-block", "10.60.1.0/24", 1), ("subnet-id", subnetID, 1), ("default-for-az", "false", 2),
        ] {
            let parameters = Self.filter("vpc-id", vpc) + Self.filter(name, value, 2)
            #expect(Self.subnets(try await Self.ok(cloud, "DescribeSubnets", parameters)).count == count, "\(name)=\(value)")
        }

        let busy = try await Self.refused(cloud, "DeleteVpc", [("VpcId", vpc)])
        #expect(busy.0 == "DependencyViolation")
        for id in Self.subnets(try await Self.ok(cloud, "DescribeSubnets", Self.filter("vpc-id", vpc))).compactMap({
            $0["SubnetId"] as? String
        }) {
            _ = try await Self.ok(cloud, "DeleteSubnet", [("SubnetId", id)])
        }
        #expect(try await Self.refused(cloud, "DescribeSubnets", [("SubnetId.1", subnetID)]).0 == "InvalidSubnetID.NotFound")
        _ = try await Self.ok(cloud, "DeleteVpc", [("VpcId", vpc)])
        #expect(try await Self.refused(cloud, "DescribeVpcs", [("VpcId.1", vpc)]).0 == "InvalidVpcID.NotFound")
        #expect(try await Self.refused(cloud, "DeleteVpc", [("VpcId", vpc)]).0 == "InvalidVpcID.NotFound")
        #expect(try await cloud.client.listAll(CommandTable.listVPCs, Parameters(), as: user).isEmpty)
    }

    @Test func theDefaultVPCHoldsTheZoneNetworksWithOneDefaultSubnetPerZone() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        let user = InstanceActionTests.userCredentials(cloud)
        let networks = try await cloud.client.listAll(CommandTable.listNetworks, Parameters(), as: user)
        let defaultVPC = SecurityGroupMapping.defaultVpcID
        let vpc = try #require(Self.vpcs(try await Self.ok(cloud, "DescribeVpcs", Self.filter("is-default", "true"))).first)
        #expect(vpc["VpcId"] as? String == defaultVPC && vpc["IsDefault"] as? Bool == true)
        let cidr = try #require(vpc["CidrBlock"] as? String)
        #expect(networks.allSatisfy { IPv4CIDR.contains(cidr, $0.cidr ?? "") })

        let subnets = Self.subnets(try await Self.ok(cloud, "DescribeSubnets", Self.filter("vpc-id", defaultVPC)))
        #expect(subnets.count == networks.count)
        let defaults = Self.subnets(
            try await Self.ok(cloud, "DescribeSubnets", Self.filter("vpc-id", defaultVPC) + Self.filter("default-for-az", "true", 2)))
        #expect(
            Set(defaults.compactMap { $0["AvailabilityZone"] as? String }) == ["Sandbox-simulator-basic", "Sandbox-simulator-advanced"])
        #expect(defaults.count == 2)
        let basic = try #require(defaults.first { $0["AvailabilityZone"] as? String == "Sandbox-simulator-basic" })
        let shared = try #require(networks.first { $0.type == "Shared" })
        #expect(basic["SubnetId"] as? String == "subnet-" + VPCFixture.hex(shared.id ?? ""))
        #expect(basic["AvailableIpAddressCount"] as? Int == 65536 - 5)
        let inZone = Self.subnets(
            try await Self.ok(cloud, "DescribeSubnets", Self.filter("availability-zone", "Sandbox-simulator-basic")))
        #expect(inZone.count == 1)

        let attributes = try await Self.ok(cloud, "DescribeAccountAttributes")
        let values = Dictionary(
            uniqueKeysWithValues: (attributes["AccountAttributes"] as? [[String: Any]] ?? []).compactMap { item -> (String, String)? in
                guard let name = item["AttributeName"] as? String,
                    let value = (item["AttributeValues"] as? [[String: Any]])?.first?["AttributeValue"] as? String
                else { return nil }
                return (name, value)
            })
        #expect(values["default-vpc"] == defaultVPC && values["supported-platforms"] == "VPC")

        // The default VPC's subnets are CloudStack's zone networks: no subnet is made in it or deleted from it, nor is it deleted.
        let create = try await Self.refused(cloud, "CreateSubnet", [("VpcId", defaultVPC), ("CidrBlock", "10.1.200.0/24")])
        #expect(create.0 == "OperationNotPermitted")
        #expect(try await Self.refused(cloud, "DeleteVpc", [("VpcId", defaultVPC)]).0 == "OperationNotPermitted")
        let zoneSubnet = try #require(basic["SubnetId"] as? String)
        #expect(try await Self.refused(cloud, "DeleteSubnet", [("SubnetId", zoneSubnet)]).0 == "OperationNotPermitted")
        let attribute = try await Self.ok(cloud, "DescribeVpcAttribute", [("VpcId", defaultVPC), ("Attribute", "enableDnsSupport")])
        #expect((attribute["EnableDnsSupport"] as? [String: Any])?["Value"] as? Bool == true)
    }

    @Test func membersCloudStackCannotHonourAreRefusedNamingThem() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        let base = [("CidrBlock", "10.70.0.0/16")]
        for (member, value) in [
            ("AmazonProvidedIpv6CidrBlock", "true"), ("Ipv4IpamPoolId", "ipam-pool-1"), ("Ipv4NetmaskLength", "16"),
            ("Ipv6CidrBlock", "2001:db8::/56"), ("Ipv6Pool", "ipv6pool-ec2-1"),
        ] {
            let (code, message) = try await Self.refused(cloud, "CreateVpc", base + [(member, value)])
            #expect(code == "UnsupportedOperation" && message.contains(member), "\(member): \(message)")
        }
        let dedicated = try await Self.refused(cloud, "CreateVpc", base + [("InstanceTenancy", "dedicated")])
        #expect(dedicated.0 == "UnsupportedOperation" && dedicated.1.contains("InstanceTenancy"))
        #expect(try await Self.refused(cloud, "CreateVpc", base + [("InstanceTenancy", "shared")]).0 == "InvalidParameterValue")
        #expect(try await Self.refused(cloud, "CreateVpc", [("CidrBlock", "10.0.0.0/8")]).0 == "InvalidVpc.Range")
        #expect(try await Self.refused(cloud, "CreateVpc", [("CidrBlock", "10.0.0.1/16")]).0 == "InvalidParameterValue")
        #expect(try await Self.refused(cloud, "CreateVpc", [("CidrBlock", "10.0.0.0/33")]).0 == "InvalidParameterValue")
        #expect(try await Self.refused(cloud, "CreateVpc", []).0 == "MissingParameter")
        let wrongType = try await Self.refused(
            cloud, "CreateVpc", base + [("TagSpecification.1.ResourceType", "subnet"), ("TagSpecification.1.Tag.1.Key", "a")])
        #expect(wrongType.0 == "InvalidParameterValue")
        let vpc = try await Self.createVPC(cloud, "10.70.0.0/16")
        for (member, value) in [("Ipv6CidrBlock", "2001:db8::/64"), ("Ipv6Native", "true"), ("OutpostArn", "arn:aws:outposts:1")] {
            let (code, message) = try await Self.refused(
                cloud, "CreateSubnet", [("VpcId", vpc), ("CidrBlock", "10.70.1.0/24"), (member, value)])
            #expect(code == "UnsupportedOperation" && message.contains(member), "\(member): \(message)")
        }
        #expect(try await Self.refused(cloud, "CreateSubnet", [("VpcId", vpc), ("CidrBlock", "10.70.0.0/29")]).0 == "InvalidSubnet.Range")
        #expect(try await Self.refused(cloud, "CreateSubnet", [("VpcId", vpc)]).0 == "MissingParameter")
        #expect(
            try await Self.refused(
                cloud, "CreateSubnet", [("VpcId", "vpc-0123456789abcdef0123456789abcdef"), ("CidrBlock", "10.70.1.0/24")]
            ).0
                == "InvalidVpcID.NotFound")
        #expect(try await Self.refused(cloud, "DescribeVpcs", [("VpcId.1", "vpc-xyz")]).0 == "InvalidVpcID.Malformed")
        #expect(try await Self.refused(cloud, "DescribeSubnets", [("SubnetId.1", "subnet-xyz")]).0 == "InvalidSubnetID.Malformed")
        #expect(try await Self.refused(cloud, "DescribeVpcs", Self.filter("bogus", "1")).0 == "InvalidParameterValue")
    }

    @Test func vpcAttributesAreFixedAndOnlyTheirValuesAreAccepted() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        let vpc = try await Self.createVPC(cloud, "10.71.0.0/16")
        for (attribute, key, value) in [
            ("enableDnsSupport", "EnableDnsSupport", true), ("enableDnsHostnames", "EnableDnsHostnames", true),
            ("enableNetworkAddressUsageMetrics", "EnableNetworkAddressUsageMetrics", false),
        ] {
            let answer = try await Self.ok(cloud, "DescribeVpcAttribute", [("VpcId", vpc), ("Attribute", attribute)])
            #expect(answer["VpcId"] as? String == vpc && (answer[key] as? [String: Any])?["Value"] as? Bool == value, "\(attribute)")
            _ = try await Self.ok(cloud, "ModifyVpcAttribute", [("VpcId", vpc), ("\(key).Value", String(value))])
            let (code, message) = try await Self.refused(cloud, "ModifyVpcAttribute", [("VpcId", vpc), ("\(key).Value", String(!value))])
            #expect(code == "UnsupportedOperation" && message.contains(key), "\(key): \(message)")
        }
        let both = try await Self.refused(
            cloud, "ModifyVpcAttribute", [("VpcId", vpc), ("EnableDnsSupport.Value", "true"), ("EnableDnsHostnames.Value", "true")])
        #expect(both.0 == "InvalidParameterCombination")
        #expect(
            try await Self.refused(cloud, "DescribeVpcAttribute", [("VpcId", vpc), ("Attribute", "bogus")]).0 == "InvalidParameterValue")
        let missing = try await Self.refused(
            cloud, "DescribeVpcAttribute", [("VpcId", "vpc-0123456789abcdef0123456789abcdef"), ("Attribute", "enableDnsSupport")])
        #expect(missing.0 == "InvalidVpcID.NotFound")

        let subnet = try #require(try await Self.createSubnet(cloud, vpc, "10.71.1.0/24")["SubnetId"] as? String)
        for member in ["MapPublicIpOnLaunch", "AssignIpv6AddressOnCreation", "EnableDns64"] {
            _ = try await Self.ok(cloud, "ModifySubnetAttribute", [("SubnetId", subnet), ("\(member).Value", "false")])
            let (code, message) = try await Self.refused(
                cloud, "ModifySubnetAttribute", [("SubnetId", subnet), ("\(member).Value", "true")])
            #expect(code == "UnsupportedOperation" && message.contains(member), "\(member): \(message)")
        }
        let hostname = try await Self.refused(
            cloud, "ModifySubnetAttribute", [("SubnetId", subnet), ("PrivateDnsHostnameTypeOnLaunch", "resource-name")])
        #expect(hostname.0 == "UnsupportedOperation" && hostname.1.contains("PrivateDnsHostnameTypeOnLaunch"))
        #expect(try await Self.refused(cloud, "ModifySubnetAttribute", [("SubnetId", subnet)]).0 == "MissingParameter")
        let unknown = try await Self.refused(
            cloud, "ModifySubnetAttribute",
            [("SubnetId", "subnet-0123456789abcdef0123456789abcdef"), ("MapPublicIpOnLaunch.Value", "false")])
        #expect(unknown.0 == "InvalidSubnetID.NotFound")
    }

    @Test func instancesCountAgainstTheSubnetAndKeepItFromBeingDeleted() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        let vpc = try await Self.createVPC(cloud, "10.72.0.0/16")
        let subnet = try #require(try await Self.createSubnet(cloud, vpc, "10.72.1.0/24")["SubnetId"] as? String)
        // Two VMs in the tier, deployed through CloudStack (RunInstances' networking is another part of issue 13).
        let user = InstanceActionTests.userCredentials(cloud)
        let zone = try #require(
            try await cloud.client.listAll(CommandTable.listZones, Parameters(), as: user).first { $0.networktype == "Advanced" }?.id)
        let offering = try #require(try await cloud.client.listAll(CommandTable.listServiceOfferings, Parameters(), as: user).first?.id)
        let template = try #require(
            try await cloud.client.listAll(CommandTable.listTemplates, ["templatefilter": "executable"], as: user).first?.id)
        var instances: [String] = []
        for _ in 0..<2 {
            let vm = try await cloud.client.run(
                CommandTable.deployVirtualMachine,
                [
                    "zoneid": zone, "serviceofferingid": offering, "templateid": template,
                    "networkids": Self.uuid(subnet),
                ], as: user)
            instances.append("i-" + VPCFixture.hex(try #require(vm.id)))
        }
        let described = try #require(Self.subnets(try await Self.ok(cloud, "DescribeSubnets", [("SubnetId.1", subnet)])).first)
        #expect(described["AvailableIpAddressCount"] as? Int == 251 - 2)
        #expect(try await Self.refused(cloud, "DeleteSubnet", [("SubnetId", subnet)]).0 == "DependencyViolation")
        var terminate: [(String, String)] = []
        for (index, id) in instances.enumerated() { terminate.append(("InstanceId.\(index + 1)", id)) }
        _ = try await Self.ok(cloud, "TerminateInstances", terminate)
        // CloudStack keeps the destroyed VMs (and their NICs) until it expunges them: still a dependency.
        let kept = try await Self.refused(cloud, "DeleteSubnet", [("SubnetId", subnet)])
        #expect(kept.0 == "DependencyViolation" && kept.1.contains("expunges"))
        let admin = CloudStackCredentials(apiKey: cloud.admin.apiKey, secretKey: cloud.admin.secretKey)
        for id in instances {
            _ = try await cloud.client.run(CommandTable.expungeVirtualMachine, ["id": Self.uuid(id)], as: admin)
        }
        _ = try await Self.ok(cloud, "DeleteSubnet", [("SubnetId", subnet)])
        #expect(try await Self.refused(cloud, "DescribeSubnets", [("SubnetId.1", subnet)]).0 == "InvalidSubnetID.NotFound")
    }

    @Test func vpcsAndSubnetsCarryTags() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        let vpc = try await Self.createVPC(cloud, "10.73.0.0/16", name: "tagged")
        let subnet = try #require(try await Self.createSubnet(cloud, vpc, "10.73.1.0/24")["SubnetId"] as? String)
        _ = try await Self.ok(
            cloud, "CreateTags",
            [("ResourceId.1", vpc), ("ResourceId.2", subnet), ("Tag.1.Key", "env"), ("Tag.1.Value", "prod")])
        let tags = try await Self.ok(cloud, "DescribeTags", Self.filter("key", "env"))["Tags"] as? [[String: Any]] ?? []
        #expect(Set(tags.compactMap { $0["ResourceType"] as? String }) == ["vpc", "subnet"])
        #expect(Self.subnets(try await Self.ok(cloud, "DescribeSubnets", Self.filter("tag:env", "prod"))).count == 1)
        #expect(Self.vpcs(try await Self.ok(cloud, "DescribeVpcs", Self.filter("tag:env", "prod"))).count == 1)
        _ = try await Self.ok(cloud, "DeleteTags", [("ResourceId.1", subnet), ("Tag.1.Key", "env")])
        #expect(Self.subnets(try await Self.ok(cloud, "DescribeSubnets", Self.filter("tag:env", "prod"))).isEmpty)
    }

    @Test func describeVpcsAndSubnetsPageThroughEverything() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        var made: [String] = []
        for index in 0..<6 {
            let vpc = try await Self.createVPC(cloud, "10.\(80 + index).0.0/16", name: "page\(index)")
            made.append(vpc)
            _ = try await Self.createSubnet(cloud, vpc, "10.\(80 + index).1.0/24")
        }
        for (action, key, idKey, expected) in [
            ("DescribeVpcs", "Vpcs", "VpcId", 7), ("DescribeSubnets", "Subnets", "SubnetId", 6 + 2),
        ] {
            var seen: [String] = []
            var token: String?
            repeat {
                var parameters = [("MaxResults", "5")]
                if let token { parameters.append(("NextToken", token)) }
                let page = try await Self.ok(cloud, action, parameters)
                let items = page[key] as? [[String: Any]] ?? []
                #expect(items.count <= 5)
                seen += items.compactMap { $0[idKey] as? String }
                token = page["NextToken"] as? String
            } while token != nil
            #expect(seen.count == expected && Set(seen).count == expected, "\(action)")
        }
        #expect(try await Self.refused(cloud, "DescribeVpcs", [("MaxResults", "2")]).0 == "InvalidParameterValue")
    }

    @Test func createVpcLandsInTheAdvancedZoneWithoutSecurityGroups() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        let user = InstanceActionTests.userCredentials(cloud)
        let zones = try await cloud.client.listAll(CommandTable.listZones, Parameters(), as: user)
        #expect(zones.contains { $0.networktype == "Advanced" && $0.securitygroupsenabled != true })
        let made = try await Self.createVPC(cloud, "10.74.0.0/16")
        let row = try #require(
            try await cloud.client.listAll(CommandTable.listVPCs, Parameters(), as: user).first {
                "vpc-" + VPCFixture.hex($0.id ?? "") == made
            })
        #expect(row.zonename == "Sandbox-simulator-advanced")
    }
}
