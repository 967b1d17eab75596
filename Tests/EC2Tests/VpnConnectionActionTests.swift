import CloudStack
import CloudStackSimulator
import Foundation
import Pipeline
import Testing

@testable import EC2

/// Site-to-site VPN connections over CloudStack's (decision 0009 §8); every answer parsed by botocore.
@Suite struct VpnConnectionActionTests {
    static func connections(_ parsed: [String: Any]) -> [[String: Any]] { parsed["VpnConnections"] as? [[String: Any]] ?? [] }

    /// A VPC with its VPN gateway attached, and a customer gateway: (vpc, vgw-, cgw-).
    static func gateways(_ cloud: EC2TestCloud, address: String = "198.51.100.60") async throws -> (VPCFixture, String, String) {
        let vpc = try await VPCFixture.make(cloud, gateway: false)
        let gateway = "vgw-" + VPCFixture.hex(vpc.vpcUUID)
        _ = try await VolumeActionTests.ok(cloud, "AttachVpnGateway", [("VpnGatewayId", gateway), ("VpcId", vpc.vpcID)])
        let created = try await VolumeActionTests.ok(cloud, "CreateCustomerGateway", [("Type", "ipsec.1"), ("IpAddress", address)])
        let customer = try #require((created["CustomerGateway"] as? [String: Any])?["CustomerGatewayId"] as? String)
        return (vpc, gateway, customer)
    }

    static func describe(_ cloud: EC2TestCloud, _ id: String) async throws -> [String: Any] {
        try #require(Self.connections(try await VolumeActionTests.ok(cloud, "DescribeVpnConnections", [("VpnConnectionId.1", id)])).first)
    }

    @Test func createIsPendingUntilCloudStacksJobEndsThenDeleteShowsDeleted() async throws {
        let cloud = try EC2TestCloud(seed: .empty, jobNanos: 1_000_000_000)
        let (vpc, gateway, customer) = try await Self.gateways(cloud)
        let created = try await VolumeActionTests.ok(
            cloud, "CreateVpnConnection",
            [("Type", "ipsec.1"), ("CustomerGatewayId", customer), ("VpnGatewayId", gateway), ("Options.StaticRoutesOnly", "true")])
        let connection = try #require(created["VpnConnection"] as? [String: Any])
        let id = try #require(connection["VpnConnectionId"] as? String)
        #expect(id.hasPrefix("vpn-") && connection["State"] as? String == "pending")
        #expect(connection["CustomerGatewayId"] as? String == customer && connection["VpnGatewayId"] as? String == gateway)
        #expect((connection["Options"] as? [String: Any])?["StaticRoutesOnly"] as? Bool == true)
        // The placeholder peer CIDR is no route.
        #expect((connection["Routes"] as? [[String: Any]] ?? []).isEmpty)

        let user = InstanceActionTests.userCredentials(cloud)
        let held = try await cloud.client.listAll(CommandTable.listVpnConnections, ["vpcid": vpc.vpcUUID], as: user)
        #expect(held.map { "vpn-" + VPCFixture.hex($0.id ?? "") } == [id])
        #expect(try await Self.describe(cloud, id)["State"] as? String == "pending")

        cloud.clock.advance(seconds: 5)
        let available = try await Self.describe(cloud, id)
        #expect(available["State"] as? String == "available")
        let telemetry = try #require((available["VgwTelemetry"] as? [[String: Any]])?.first)
        let publicIP = try #require(
            try await cloud.client.listAll(CommandTable.listVpnGateways, ["vpcid": vpc.vpcUUID], as: user).first?.publicip)
        #expect(telemetry["Status"] as? String == "UP" && telemetry["OutsideIpAddress"] as? String == publicIP)

        for (name, value, count) in [
            ("vpn-gateway-id", gateway, 1), ("customer-gateway-id", customer, 1), ("state", "available", 1), ("state", "pending", 0),
            ("option.static-routes-only", "true", 1), ("type", "ipsec.1", 1),
        ] {
            let filtered = try await VolumeActionTests.ok(
                cloud, "DescribeVpnConnections", [("Filter.1.Name", name), ("Filter.1.Value.1", value)])
            #expect(Self.connections(filtered).count == count, "\(name)=\(value)")
        }
        let twice = try await VolumeActionTests.refused(
            cloud, "CreateVpnConnection", [("Type", "ipsec.1"), ("CustomerGatewayId", customer), ("VpnGatewayId", gateway)])
        #expect(twice.0 == "InvalidParameterValue" && twice.1.contains(id))

        _ = try await VolumeActionTests.ok(cloud, "ReplaceVpnTunnel", [("VpnConnectionId", id), ("VpnTunnelOutsideIpAddress", publicIP)])
        let elsewhere = try await VolumeActionTests.refused(
            cloud, "ReplaceVpnTunnel", [("VpnConnectionId", id), ("VpnTunnelOutsideIpAddress", "203.0.113.9")])
        #expect(elsewhere.0 == "InvalidParameterValue")

        // CloudStack refuses to delete gateways a connection uses.
        let inUse = try await VolumeActionTests.refused(cloud, "DetachVpnGateway", [("VpnGatewayId", gateway), ("VpcId", vpc.vpcID)])
        #expect(inUse.0 == "IncorrectState" && inUse.1.contains(id), "\(inUse)")
        let customerInUse = try await VolumeActionTests.refused(cloud, "DeleteCustomerGateway", [("CustomerGatewayId", customer)])
        #expect(customerInUse.0 == "IncorrectState" && customerInUse.1.contains(id), "\(customerInUse)")

        _ = try await VolumeActionTests.ok(cloud, "DeleteVpnConnection", [("VpnConnectionId", id)])
        #expect(try await Self.describe(cloud, id)["State"] as? String == "deleting")
        cloud.clock.advance(seconds: 5)
        #expect(try await cloud.client.listAll(CommandTable.listVpnConnections, ["vpcid": vpc.vpcUUID], as: user).isEmpty)
        #expect(try await Self.describe(cloud, id)["State"] as? String == "deleted")
        _ = try await VolumeActionTests.ok(cloud, "DeleteVpnConnection", [("VpnConnectionId", id)])
        _ = try await VolumeActionTests.ok(cloud, "DeleteCustomerGateway", [("CustomerGatewayId", customer)])
        _ = try await VolumeActionTests.ok(cloud, "DetachVpnGateway", [("VpnGatewayId", gateway), ("VpcId", vpc.vpcID)])

        let unknown = "vpn-0123456789abcdef0123456789abcdef"
        #expect(
            try await VolumeActionTests.refused(cloud, "DescribeVpnConnections", [("VpnConnectionId.1", unknown)]).0
                == "InvalidVpnConnectionID.NotFound")
        #expect(
            try await VolumeActionTests.refused(cloud, "DeleteVpnConnection", [("VpnConnectionId", unknown)]).0
                == "InvalidVpnConnectionID.NotFound")
        #expect(
            try await VolumeActionTests.refused(cloud, "DeleteVpnConnection", [("VpnConnectionId", "vpn-x")]).0 == "InvalidVpnConnectionID")
    }

    @Test func whatACloudStackConnectionCannotBeIsRefusedNamingTheMember() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        let (_, gateway, customer) = try await Self.gateways(cloud, address: "198.51.100.61")
        let base = [("Type", "ipsec.1"), ("CustomerGatewayId", customer), ("VpnGatewayId", gateway)]
        for (member, value) in [
            ("Options.StaticRoutesOnly", "false"), ("Options.EnableAcceleration", "true"), ("Options.TunnelInsideIpVersion", "ipv6"),
            ("Options.LocalIpv4NetworkCidr", "10.0.0.0/16"), ("Options.RemoteIpv4NetworkCidr", "0.0.0.0/0"),
            ("Options.TunnelOptions.1.PreSharedKey", "abcdefgh"), ("Options.TunnelOptions.2.Phase1EncryptionAlgorithm.1.Value", "AES256"),
            ("Options.TunnelBandwidth", "large"), ("TransitGatewayId", "tgw-0123456789abcdef0"),
            ("PreSharedKeyStorage", "SecretsManager"), ("TagSpecification.1.ResourceType", "vpn-connection"),
        ] {
            var parameters = base + [(member, value)]
            if member.hasPrefix("TagSpecification") {
                parameters += [("TagSpecification.1.Tag.1.Key", "k"), ("TagSpecification.1.Tag.1.Value", "v")]
            }
            let (code, message) = try await VolumeActionTests.refused(cloud, "CreateVpnConnection", parameters)
            let named = member.hasPrefix("TagSpecification") ? "TagSpecification" : member.replacingOccurrences(of: ".Value", with: "")
            #expect(code == "UnsupportedOperation" && message.contains(named), "\(member): \(code) \(message)")
        }
        #expect(
            try await VolumeActionTests.refused(
                cloud, "CreateVpnConnection", [("Type", "ipsec.2"), ("CustomerGatewayId", customer), ("VpnGatewayId", gateway)]
            ).0 == "InvalidParameterValue")
        #expect(
            try await VolumeActionTests.refused(cloud, "CreateVpnConnection", [("Type", "ipsec.1"), ("CustomerGatewayId", customer)]).0
                == "MissingParameter")
        let stranger = try await VolumeActionTests.refused(
            cloud, "CreateVpnConnection",
            [("Type", "ipsec.1"), ("CustomerGatewayId", "cgw-0123456789abcdef0123456789abcdef"), ("VpnGatewayId", gateway)])
        #expect(stranger.0 == "InvalidCustomerGatewayID.NotFound")
        #expect(
            try await cloud.client.listAll(CommandTable.listVpnConnections, Parameters(), as: InstanceActionTests.userCredentials(cloud))
                .isEmpty)

        for action in [
            "CreateVpnConnectionRoute", "DeleteVpnConnectionRoute", "ModifyVpnConnection", "ModifyVpnConnectionOptions",
            "ModifyVpnTunnelOptions",
        ] {
            let (code, message) = try await VolumeActionTests.refused(
                cloud, action, [("VpnConnectionId", "vpn-0123456789abcdef0123456789abcdef")])
            #expect(code == "UnsupportedOperation" && message.contains(action), "\(action): \(message)")
        }
    }

    @Test func aDetachedVPNGatewayHasNoCloudStackGatewayToConnect() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        let (vpc, gateway, customer) = try await Self.gateways(cloud, address: "198.51.100.62")
        _ = try await VolumeActionTests.ok(cloud, "DetachVpnGateway", [("VpnGatewayId", gateway), ("VpcId", vpc.vpcID)])
        let (code, message) = try await VolumeActionTests.refused(
            cloud, "CreateVpnConnection", [("Type", "ipsec.1"), ("CustomerGatewayId", customer), ("VpnGatewayId", gateway)])
        #expect(code == "IncorrectState" && message.contains("AttachVpnGateway"))
    }

    /// CloudStack refuses a connection whose peer CIDRs overlap another connection's on the same VPN gateway; each
    /// customer gateway made here has its own placeholder /32, so one VPN gateway reaches several customer gateways.
    @Test func oneVPNGatewayConnectsToSeveralCustomerGateways() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        let (vpc, gateway, first) = try await Self.gateways(cloud, address: "198.51.100.63")
        let second = try #require(
            (try await VolumeActionTests.ok(cloud, "CreateCustomerGateway", [("Type", "ipsec.1"), ("IpAddress", "198.51.100.64")])[
                "CustomerGateway"] as? [String: Any])?["CustomerGatewayId"] as? String)
        var ids: [String] = []
        for customer in [first, second] {
            let created = try await VolumeActionTests.ok(
                cloud, "CreateVpnConnection", [("Type", "ipsec.1"), ("CustomerGatewayId", customer), ("VpnGatewayId", gateway)])
            ids.append(try #require((created["VpnConnection"] as? [String: Any])?["VpnConnectionId"] as? String))
        }
        let user = InstanceActionTests.userCredentials(cloud)
        let peers = try await cloud.client.listAll(CommandTable.listVpnCustomerGateways, Parameters(), as: user).compactMap(\.cidrlist)
        #expect(peers.count == 2 && Set(peers).count == 2 && peers.allSatisfy { CreateCustomerGateway.isPlaceholder($0[...]) }, "\(peers)")
        #expect(try await cloud.client.listAll(CommandTable.listVpnConnections, ["vpcid": vpc.vpcUUID], as: user).count == 2)
        for id in ids { #expect((try await Self.describe(cloud, id)["Routes"] as? [[String: Any]] ?? []).isEmpty) }
    }

    @Test func placeholderPeerCIDRsAreDocumentationSlash32sOnly() {
        #expect(CreateCustomerGateway.placeholder(avoiding: []) == "192.0.2.0/32")
        #expect(CreateCustomerGateway.placeholder(avoiding: ["192.0.2.0/32", "192.0.2.1/32"]) == "192.0.2.2/32")
        let firstRange = Set((0...255).map { Substring("192.0.2.\($0)/32") })
        #expect(CreateCustomerGateway.placeholder(avoiding: firstRange) == "198.51.100.0/32")
        for cidr in ["192.0.2.0/32", "198.51.100.7/32", "203.0.113.255/32"] {
            #expect(CreateCustomerGateway.isPlaceholder(cidr[...]), "\(cidr)")
        }
        for cidr in ["192.0.2.0/24", "192.0.2.256/32", "10.0.0.1/32", "192.0.2./32", "192.0.2.1000/32", "192.0.22.1/32"] {
            #expect(!CreateCustomerGateway.isPlaceholder(cidr[...]), "\(cidr)")
        }
    }
}
