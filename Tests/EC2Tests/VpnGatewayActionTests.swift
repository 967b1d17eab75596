import CloudStack
import CloudStackSimulator
import Foundation
import Pipeline
import Testing

@testable import EC2

/// VPN gateways: each CloudStack VPC's one, `vgw-` + the VPC's hex; every answer parsed by botocore.
@Suite struct VpnGatewayActionTests {
    static func gateways(_ parsed: [String: Any]) -> [[String: Any]] { parsed["VpnGateways"] as? [[String: Any]] ?? [] }

    @Test func everyVPCHasOneThatAttachingCreatesInCloudStack() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        let vpc = try await VPCFixture.make(cloud, gateway: false)
        let id = "vgw-" + VPCFixture.hex(vpc.vpcUUID)
        let listed = Self.gateways(try await VolumeActionTests.ok(cloud, "DescribeVpnGateways"))
        #expect(listed.map { $0["VpnGatewayId"] as? String } == [id])
        #expect((listed.first?["VpcAttachments"] as? [[String: Any]] ?? []).isEmpty && listed.first?["State"] as? String == "available")

        let attached = try await VolumeActionTests.ok(cloud, "AttachVpnGateway", [("VpnGatewayId", id), ("VpcId", vpc.vpcID)])
        #expect((attached["VpcAttachment"] as? [String: Any])?["State"] as? String == "attached")
        let user = InstanceActionTests.userCredentials(cloud)
        #expect(try await cloud.client.listAll(CommandTable.listVpnGateways, ["vpcid": vpc.vpcUUID], as: user).count == 1)
        let again = try await VolumeActionTests.ok(cloud, "AttachVpnGateway", [("VpnGatewayId", id), ("VpcId", vpc.vpcID)])
        #expect((again["VpcAttachment"] as? [String: Any])?["VpcId"] as? String == vpc.vpcID)
        let byVPC = try await VolumeActionTests.ok(
            cloud, "DescribeVpnGateways", [("Filter.1.Name", "attachment.vpc-id"), ("Filter.1.Value.1", vpc.vpcID)])
        #expect((Self.gateways(byVPC).first?["VpcAttachments"] as? [[String: Any]])?.first?["State"] as? String == "attached")
        #expect(try await VolumeActionTests.refused(cloud, "DeleteVpnGateway", [("VpnGatewayId", id)]).0 == "IncorrectState")
        let elsewhere = try await VolumeActionTests.refused(
            cloud, "AttachVpnGateway", [("VpnGatewayId", id), ("VpcId", "vpc-0123456789abcdef0123456789abcdef")])
        #expect(elsewhere.0 == "UnsupportedOperation")

        _ = try await VolumeActionTests.ok(cloud, "DetachVpnGateway", [("VpnGatewayId", id), ("VpcId", vpc.vpcID)])
        #expect(try await cloud.client.listAll(CommandTable.listVpnGateways, ["vpcid": vpc.vpcUUID], as: user).isEmpty)
        let twice = try await VolumeActionTests.refused(cloud, "DetachVpnGateway", [("VpnGatewayId", id), ("VpcId", vpc.vpcID)])
        #expect(twice.0 == "InvalidVpnGatewayAttachment.NotFound")
        _ = try await VolumeActionTests.ok(cloud, "DeleteVpnGateway", [("VpnGatewayId", id)])
        let unknown = try await VolumeActionTests.refused(
            cloud, "DescribeVpnGateways", [("VpnGatewayId.1", "vgw-0123456789abcdef0123456789abcdef")])
        #expect(unknown.0 == "InvalidVpnGatewayID.NotFound")
        let create = try await VolumeActionTests.refused(cloud, "CreateVpnGateway", [("Type", "ipsec.1")])
        #expect(create.0 == "UnsupportedOperation" && create.1.contains("AttachVpnGateway"))
    }
}
