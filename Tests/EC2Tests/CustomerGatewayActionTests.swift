import CloudStack
import CloudStackSimulator
import Foundation
import Pipeline
import Testing

@testable import EC2

/// Site-to-site VPN customer gateways over CloudStack's; every answer parsed by botocore.
@Suite struct CustomerGatewayActionTests {
    static func gateways(_ parsed: [String: Any]) -> [[String: Any]] { parsed["CustomerGateways"] as? [[String: Any]] ?? [] }

    @Test func createDescribeAndDeleteWithCloudStacksExtraSettings() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        let created = try await VolumeActionTests.ok(
            cloud, "CreateCustomerGateway",
            [("Type", "ipsec.1"), ("IpAddress", "198.51.100.7"), ("BgpAsn", "65000"), ("DeviceName", "office")])
        let gateway = try #require(created["CustomerGateway"] as? [String: Any])
        let id = try #require(gateway["CustomerGatewayId"] as? String)
        #expect(id.hasPrefix("cgw-") && gateway["State"] as? String == "available" && gateway["BgpAsn"] as? String == "65000")
        #expect(gateway["IpAddress"] as? String == "198.51.100.7" && gateway["DeviceName"] as? String == "office")

        let user = InstanceActionTests.userCredentials(cloud)
        let stored = try #require(try await cloud.client.listAll(CommandTable.listVpnCustomerGateways, Parameters(), as: user).first)
        #expect(stored.name == "office" && stored.cidrlist == "192.0.2.0/32")
        #expect(stored.ikepolicy == CreateCustomerGateway.policy && stored.esppolicy == CreateCustomerGateway.policy)

        // The same address again answers the same gateway, as EC2 does.
        let again = try await VolumeActionTests.ok(cloud, "CreateCustomerGateway", [("Type", "ipsec.1"), ("PublicIp", "198.51.100.7")])
        #expect((again["CustomerGateway"] as? [String: Any])?["CustomerGatewayId"] as? String == id)

        let byID = try await VolumeActionTests.ok(cloud, "DescribeCustomerGateways", [("CustomerGatewayId.1", id)])
        #expect(Self.gateways(byID).count == 1)
        for (name, value, count) in [
            ("ip-address", "198.51.100.7", 1), ("ip-address", "203.0.113.1", 0), ("bgp-asn", "65000", 1), ("state", "available", 1),
        ] {
            let filtered = try await VolumeActionTests.ok(
                cloud, "DescribeCustomerGateways", [("Filter.1.Name", name), ("Filter.1.Value.1", value)])
            #expect(Self.gateways(filtered).count == count, "\(name)=\(value)")
        }
        _ = try await VolumeActionTests.ok(cloud, "DeleteCustomerGateway", [("CustomerGatewayId", id)])
        #expect(
            try await VolumeActionTests.refused(cloud, "DescribeCustomerGateways", [("CustomerGatewayId.1", id)]).0
                == "InvalidCustomerGatewayID.NotFound")
        #expect(
            try await VolumeActionTests.refused(cloud, "DeleteCustomerGateway", [("CustomerGatewayId", id)]).0
                == "InvalidCustomerGatewayID.NotFound")
    }

    @Test func whatCloudStacksStaticVPNCannotHonourIsRefused() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        let base = [("Type", "ipsec.1"), ("IpAddress", "198.51.100.8")]
        for (member, value) in [("BgpAsn", "64512"), ("BgpAsnExtended", "4200000000"), ("CertificateArn", "arn:aws:acm:x")] {
            let (code, message) = try await VolumeActionTests.refused(cloud, "CreateCustomerGateway", base + [(member, value)])
            #expect(code == "UnsupportedOperation" && message.contains(member), "\(member): \(message)")
        }
        #expect(
            try await VolumeActionTests.refused(cloud, "CreateCustomerGateway", [("Type", "ipsec.2"), ("IpAddress", "198.51.100.8")]).0
                == "InvalidParameterValue")
        #expect(try await VolumeActionTests.refused(cloud, "CreateCustomerGateway", [("Type", "ipsec.1")]).0 == "MissingParameter")
        #expect(
            try await VolumeActionTests.refused(cloud, "CreateCustomerGateway", [("Type", "ipsec.1"), ("IpAddress", "300.1.1.1")]).0
                == "InvalidParameterValue")
        #expect(
            try await VolumeActionTests.refused(cloud, "DeleteCustomerGateway", [("CustomerGatewayId", "cgw-xyz")]).0
                == "InvalidCustomerGatewayId.Malformed")
        let tagged = try await VolumeActionTests.refused(
            cloud, "CreateCustomerGateway",
            base + [
                ("TagSpecification.1.ResourceType", "customer-gateway"), ("TagSpecification.1.Tag.1.Key", "k"),
                ("TagSpecification.1.Tag.1.Value", "v"),
            ])
        #expect(tagged.0 == "UnsupportedOperation")
    }
}
