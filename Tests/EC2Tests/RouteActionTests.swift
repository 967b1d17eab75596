import CloudStack
import CloudStackSimulator
import Foundation
import Pipeline
import Testing

@testable import EC2

/// Route tables, routes, internet and NAT gateways and DHCP options over CloudStack VPCs; every answer
/// parsed by botocore with no unknown elements.
@Suite struct RouteActionTests {

    static func tables(_ parsed: [String: Any]) -> [[String: Any]] { parsed["RouteTables"] as? [[String: Any]] ?? [] }
    static func routes(_ table: [String: Any]?) -> [[String: Any]] { table?["Routes"] as? [[String: Any]] ?? [] }

    @Test func describeRouteTablesShowsTheMainTableWithLocalInternetAndStaticRoutes() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        let vpc = try await VPCFixture.make(cloud)
        let listed = Self.tables(try await VolumeActionTests.ok(cloud, "DescribeRouteTables"))
        #expect(listed.count == 1)
        let table = try #require(listed.first)
        #expect(table["RouteTableId"] as? String == vpc.routeTableID)
        #expect(table["VpcId"] as? String == vpc.vpcID)
        let associations = table["Associations"] as? [[String: Any]] ?? []
        #expect(associations.count == 1 && associations.first?["Main"] as? Bool == true)
        #expect(associations.first?["RouteTableAssociationId"] as? String == "rtbassoc-" + VPCFixture.hex(vpc.vpcUUID))
        let routes = Self.routes(table)
        #expect(routes.first?["DestinationCidrBlock"] as? String == vpc.cidr && routes.first?["GatewayId"] as? String == "local")
        #expect(
            routes.contains { $0["DestinationCidrBlock"] as? String == "0.0.0.0/0" && $0["GatewayId"] as? String == vpc.internetGatewayID })

        let gateway = try #require(vpc.localGatewayID)
        let target = [("RouteTableId", vpc.routeTableID), ("DestinationCidrBlock", "172.30.0.0/16"), ("LocalGatewayId", gateway)]
        let created = try await VolumeActionTests.ok(cloud, "CreateRoute", target)
        #expect(created["Return"] as? Bool == true)
        let after = try #require(
            Self.tables(try await VolumeActionTests.ok(cloud, "DescribeRouteTables", [("RouteTableId.1", vpc.routeTableID)])).first)
        let route = Self.routes(after).first { $0["DestinationCidrBlock"] as? String == "172.30.0.0/16" }
        #expect(route?["LocalGatewayId"] as? String == gateway && route?["State"] as? String == "active")
        #expect(try await VolumeActionTests.refused(cloud, "CreateRoute", target).0 == "RouteAlreadyExists")

        // Filters: by VPC, by tier (every tier uses the main table), by main, by an unknown VPC.
        for (name, value, count) in [
            ("vpc-id", vpc.vpcID, 1), ("association.subnet-id", vpc.subnetID, 1), ("association.main", "true", 1),
            ("vpc-id", "vpc-0123456789abcdef0123456789abcdef", 0), ("route.local-gateway-id", gateway, 1),
        ] {
            let parsed = try await VolumeActionTests.ok(
                cloud, "DescribeRouteTables", [("Filter.1.Name", name), ("Filter.1.Value.1", value)])
            #expect(Self.tables(parsed).count == count, "\(name)=\(value)")
        }

        _ = try await VolumeActionTests.ok(cloud, "ReplaceRoute", target)
        _ = try await VolumeActionTests.ok(
            cloud, "DeleteRoute", [("RouteTableId", vpc.routeTableID), ("DestinationCidrBlock", "172.30.0.0/16")])
        let gone = try #require(Self.tables(try await VolumeActionTests.ok(cloud, "DescribeRouteTables")).first)
        #expect(!Self.routes(gone).contains { $0["DestinationCidrBlock"] as? String == "172.30.0.0/16" })
        let missing = try await VolumeActionTests.refused(
            cloud, "DeleteRoute", [("RouteTableId", vpc.routeTableID), ("DestinationCidrBlock", "172.30.0.0/16")])
        #expect(missing.0 == "InvalidRoute.NotFound")
        let replaceMissing = try await VolumeActionTests.refused(cloud, "ReplaceRoute", target)
        #expect(replaceMissing.0 == "InvalidRoute.NotFound")
    }

    @Test func routeTargetsCloudStackCannotHonourAreRefusedNamingThem() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        let vpc = try await VPCFixture.make(cloud)
        let base = [("RouteTableId", vpc.routeTableID), ("DestinationCidrBlock", "172.31.0.0/16")]
        for (member, value) in [
            ("GatewayId", vpc.internetGatewayID), ("NatGatewayId", "nat-0123456789abcdef0123456789abcdef"),
            ("InstanceId", "i-0123456789abcdef0123456789abcdef"), ("VpcPeeringConnectionId", "pcx-1"), ("TransitGatewayId", "tgw-1"),
        ] {
            let (code, message) = try await VolumeActionTests.refused(cloud, "CreateRoute", base + [(member, value)])
            #expect(code == "UnsupportedOperation" && message.contains(member), "\(member): \(message)")
        }
        #expect(try await VolumeActionTests.refused(cloud, "CreateRoute", base).0 == "MissingParameter")
        let ipv6 = try await VolumeActionTests.refused(
            cloud, "DeleteRoute", [("RouteTableId", vpc.routeTableID), ("DestinationIpv6CidrBlock", "::/0")])
        #expect(ipv6.0 == "UnsupportedOperation")
        let local = try await VolumeActionTests.refused(
            cloud, "DeleteRoute", [("RouteTableId", vpc.routeTableID), ("DestinationCidrBlock", vpc.cidr)])
        #expect(local.0 == "InvalidParameterValue")
        let internet = try await VolumeActionTests.refused(
            cloud, "DeleteRoute", [("RouteTableId", vpc.routeTableID), ("DestinationCidrBlock", "0.0.0.0/0")])
        #expect(internet.0 == "UnsupportedOperation")
        let badCIDR = try await VolumeActionTests.refused(
            cloud, "CreateRoute",
            [("RouteTableId", vpc.routeTableID), ("DestinationCidrBlock", "10.0.0.0/99"), ("LocalGatewayId", vpc.localGatewayID ?? "")])
        #expect(badCIDR.0 == "InvalidParameterValue")
        let unknownTable = try await VolumeActionTests.refused(
            cloud, "DescribeRouteTables", [("RouteTableId.1", "rtb-0123456789abcdef0123456789abcdef")])
        #expect(unknownTable.0 == "InvalidRouteTableID.NotFound")
        #expect(
            try await VolumeActionTests.refused(cloud, "DescribeRouteTables", [("RouteTableId.1", "rtb-xyz")]).0
                == "InvalidRouteTableID.Malformed")
        let otherGateway = try await VolumeActionTests.refused(
            cloud, "CreateRoute", base + [("LocalGatewayId", "lgw-0123456789abcdef0123456789abcdef")])
        #expect(otherGateway.0 == "InvalidLocalGatewayID.NotFound")
    }

    @Test func actionsCloudStackCannotBackAreRefusedWithTheirReason() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        for action in RefusedActions.reasons.keys.sorted() {
            let (code, message) = try await VolumeActionTests.refused(cloud, action, [])
            #expect(code == "UnsupportedOperation" && message.contains("CloudStack"), "\(action): \(message)")
        }
        #expect(RefusedActions.reasons.keys.allSatisfy { EC2OperationNames.all.contains($0) && !ActionTable.names.contains($0) })
    }

    @Test func describeRouteTablesPagesThroughEveryVPC() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        var ids: [String] = []
        for index in 0..<6 {
            ids.append(try await VPCFixture.make(cloud, cidr: "10.\(40 + index).0.0/16", name: "vpc\(index)", gateway: false).routeTableID)
        }
        var seen: [String] = []
        var token: String?
        repeat {
            var parameters = [("MaxResults", "5")]
            if let token { parameters.append(("NextToken", token)) }
            let page = try await VolumeActionTests.ok(cloud, "DescribeRouteTables", parameters)
            seen += Self.tables(page).compactMap { $0["RouteTableId"] as? String }
            token = page["NextToken"] as? String
        } while token != nil
        #expect(seen == ids.sorted())
        #expect(try await VolumeActionTests.refused(cloud, "DescribeRouteTables", [("MaxResults", "4")]).0 == "InvalidParameterValue")
    }

    @Test func internetAndNatGatewaysAreEachVPCsRouterAndSourceNAT() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        let vpc = try await VPCFixture.make(cloud, gateway: false)
        let igws = try await VolumeActionTests.ok(cloud, "DescribeInternetGateways")
        let igw = try #require((igws["InternetGateways"] as? [[String: Any]])?.first)
        #expect(igw["InternetGatewayId"] as? String == vpc.internetGatewayID)
        let attachment = (igw["Attachments"] as? [[String: Any]])?.first
        #expect(attachment?["VpcId"] as? String == vpc.vpcID && attachment?["State"] as? String == "available")
        let byVPC = try await VolumeActionTests.ok(
            cloud, "DescribeInternetGateways", [("Filter.1.Name", "attachment.vpc-id"), ("Filter.1.Value.1", vpc.vpcID)])
        #expect((byVPC["InternetGateways"] as? [[String: Any]])?.count == 1)
        let unknown = try await VolumeActionTests.refused(
            cloud, "DescribeInternetGateways", [("InternetGatewayId.1", "igw-0123456789abcdef0123456789abcdef")])
        #expect(unknown.0 == "InvalidInternetGatewayID.NotFound")

        let user = InstanceActionTests.userCredentials(cloud)
        let sourceNAT = try #require(
            try await cloud.client.listAll(CommandTable.listPublicIpAddresses, ["vpcid": vpc.vpcUUID, "issourcenat": "true"], as: user)
                .first)
        let nats = try await VolumeActionTests.ok(cloud, "DescribeNatGateways")
        let nat = try #require((nats["NatGateways"] as? [[String: Any]])?.first)
        #expect(nat["NatGatewayId"] as? String == "nat-" + VPCFixture.hex(sourceNAT.id ?? ""))
        #expect(
            nat["VpcId"] as? String == vpc.vpcID && nat["State"] as? String == "available" && nat["ConnectivityType"] as? String == "public"
        )
        let address = (nat["NatGatewayAddresses"] as? [[String: Any]])?.first
        #expect(address?["PublicIp"] as? String == sourceNAT.ipaddress)
        #expect(address?["AllocationId"] as? String == "eipalloc-" + VPCFixture.hex(sourceNAT.id ?? ""))
        let filtered = try await VolumeActionTests.ok(
            cloud, "DescribeNatGateways", [("Filter.1.Name", "vpc-id"), ("Filter.1.Value.1", "vpc-0123456789abcdef0123456789abcdef")])
        #expect((filtered["NatGateways"] as? [[String: Any]] ?? []).isEmpty)
        let unknownNAT = try await VolumeActionTests.refused(
            cloud, "DescribeNatGateways", [("NatGatewayId.1", "nat-0123456789abcdef0123456789abcdef")])
        #expect(unknownNAT.0 == "NatGatewayNotFound")
    }

    @Test func dhcpOptionsAreOneFixedSet() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        let vpc = try await VPCFixture.make(cloud, gateway: false)
        let parsed = try await VolumeActionTests.ok(cloud, "DescribeDhcpOptions")
        let set = try #require((parsed["DhcpOptions"] as? [[String: Any]])?.first)
        #expect(set["DhcpOptionsId"] as? String == DescribeDhcpOptions.fixedID)
        let configurations = set["DhcpConfigurations"] as? [[String: Any]] ?? []
        let values = Dictionary(
            uniqueKeysWithValues: configurations.map {
                ($0["Key"] as? String ?? "", ($0["Values"] as? [[String: Any]] ?? []).compactMap { $0["Value"] as? String })
            })
        #expect(values["domain-name-servers"] == ["AmazonProvidedDNS"])
        #expect(values["domain-name"] == ["routes.internal"])
        let byKey = try await VolumeActionTests.ok(
            cloud, "DescribeDhcpOptions", [("Filter.1.Name", "key"), ("Filter.1.Value.1", "ntp-servers")])
        #expect((byKey["DhcpOptions"] as? [[String: Any]] ?? []).isEmpty)
        let other = try await VolumeActionTests.refused(
            cloud, "DescribeDhcpOptions", [("DhcpOptionsId.1", "dopt-0123456789abcdef0123456789abcdef")])
        #expect(other.0 == "InvalidDhcpOptionID.NotFound")

        let associated = try await VolumeActionTests.ok(
            cloud, "AssociateDhcpOptions", [("DhcpOptionsId", DescribeDhcpOptions.fixedID), ("VpcId", vpc.vpcID)])
        #expect(associated["Return"] == nil || associated["Return"] as? Bool == true)
        let none = try await VolumeActionTests.refused(cloud, "AssociateDhcpOptions", [("DhcpOptionsId", "default"), ("VpcId", vpc.vpcID)])
        #expect(none.0 == "UnsupportedOperation")
        let missingVPC = try await VolumeActionTests.refused(
            cloud, "AssociateDhcpOptions",
            [("DhcpOptionsId", DescribeDhcpOptions.fixedID), ("VpcId", "vpc-0123456789abcdef0123456789abcdef")])
        #expect(missingVPC.0 == "InvalidVpcID.NotFound")
    }
}
