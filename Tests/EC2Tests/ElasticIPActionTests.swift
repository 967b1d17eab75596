import CloudStack
import CloudStackSimulator
import Foundation
import Pipeline
import Testing

@testable import EC2

/// Elastic IPs: AllocateAddress, AssociateAddress, DisassociateAddress, ReleaseAddress and
/// DescribeAddressesAttribute over CloudStack public IPs and static NAT, every answer parsed by botocore.
@Suite struct ElasticIPActionTests {
    static let zone = "Sandbox-simulator-advanced"

    /// Sends, parses with botocore, and fails on any element the EC2 model does not know.
    static func ok(_ cloud: EC2TestCloud, _ action: String, _ parameters: [(String, String)] = []) async throws -> [String: Any] {
        let checked = try BotocoreResponseChecker.check([(action, await cloud.send(action, parameters))])[0]
        #expect(checked.unknown.isEmpty && checked.missing.isEmpty, "\(action): \(checked.unknown) \(checked.missing)")
        if let error = checked.error { throw error }
        return checked.parsed
    }

    /// The EC2 error code of a call that must fail.
    static func code(_ cloud: EC2TestCloud, _ action: String, _ parameters: [(String, String)] = []) async throws -> String {
        let checked = try BotocoreResponseChecker.check([(action, await cloud.send(action, parameters))])[0]
        return try #require(checked.error, "\(action) succeeded").code
    }

    static func launch(_ cloud: EC2TestCloud) async throws -> String {
        let image = try await InstanceActionTests.imageID(cloud)
        let launched = try await ok(
            cloud, "RunInstances", [("ImageId", image), ("MinCount", "1"), ("MaxCount", "1"), ("Placement.AvailabilityZone", zone)])
        return try #require((launched["Instances"] as? [[String: Any]])?.first?["InstanceId"] as? String)
    }

    static func addresses(_ cloud: EC2TestCloud, _ parameters: [(String, String)] = []) async throws -> [[String: Any]] {
        try await ok(cloud, "DescribeAddresses", parameters)["Addresses"] as? [[String: Any]] ?? []
    }

    static func instance(_ cloud: EC2TestCloud, _ id: String) async throws -> [String: Any] {
        try #require(InstanceActionTests.instances(try await ok(cloud, "DescribeInstances", [("InstanceId.1", id)])).first)
    }

    @Test func allocateAssociateDisassociateReleaseRoundTrip() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        let first = try await Self.launch(cloud)
        let allocated = try await Self.ok(cloud, "AllocateAddress", [("Domain", "vpc")])
        let ip = try #require(allocated["PublicIp"] as? String)
        let allocation = try #require(allocated["AllocationId"] as? String)
        #expect(allocation.hasPrefix("eipalloc-") && allocated["Domain"] as? String == "vpc")
        #expect(allocated["NetworkBorderGroup"] as? String == EC2TestCloud.region)
        let listed = try await Self.addresses(cloud, [("AllocationId.1", allocation)])
        #expect(listed.map { $0["PublicIp"] as? String } == [ip] && listed.first?["AssociationId"] == nil)

        let associated = try await Self.ok(cloud, "AssociateAddress", [("AllocationId", allocation), ("InstanceId", first)])
        let association = try #require(associated["AssociationId"] as? String)
        #expect(association == "eipassoc-" + allocation.dropFirst("eipalloc-".count))
        // The instance's public address follows the association.
        let shown = try await Self.instance(cloud, first)
        #expect(shown["PublicIpAddress"] as? String == ip)
        let described = try #require(
            try await Self.addresses(cloud, [("Filter.1.Name", "instance-id"), ("Filter.1.Value.1", first)]).first)
        #expect(described["AssociationId"] as? String == association && described["InstanceId"] as? String == first)
        #expect(described["PrivateIpAddress"] as? String == shown["PrivateIpAddress"] as? String)
        let interface = try #require(described["NetworkInterfaceId"] as? String)
        #expect(interface.hasPrefix("eni-"))
        #expect(try await Self.addresses(cloud, [("Filter.1.Name", "network-interface-id"), ("Filter.1.Value.1", interface)]).count == 1)
        #expect(try await Self.addresses(cloud, [("Filter.1.Name", "association-id"), ("Filter.1.Value.1", association)]).count == 1)
        // Associating again to the same instance answers the same association.
        let again = try await Self.ok(cloud, "AssociateAddress", [("PublicIp", ip), ("InstanceId", first)])
        #expect(again["AssociationId"] as? String == association)
        // By interface id, too.
        let byInterface = try await Self.ok(cloud, "AssociateAddress", [("AllocationId", allocation), ("NetworkInterfaceId", interface)])
        #expect(byInterface["AssociationId"] as? String == association)

        // Another instance: without AllowReassociation the address stays where it is.
        let second = try await Self.launch(cloud)
        #expect(
            try await Self.code(cloud, "AssociateAddress", [("AllocationId", allocation), ("InstanceId", second)])
                == "Resource.AlreadyAssociated")
        _ = try await Self.ok(
            cloud, "AssociateAddress", [("AllocationId", allocation), ("InstanceId", second), ("AllowReassociation", "true")])
        #expect(try await Self.instance(cloud, second)["PublicIpAddress"] as? String == ip)
        #expect(try await Self.instance(cloud, first)["PublicIpAddress"] == nil)

        // A second address for the same instance replaces the first, as on EC2.
        let other = try await Self.ok(cloud, "AllocateAddress")
        let otherIP = try #require(other["PublicIp"] as? String)
        _ = try await Self.ok(cloud, "AssociateAddress", [("PublicIp", otherIP), ("InstanceId", second)])
        #expect(try await Self.instance(cloud, second)["PublicIpAddress"] as? String == otherIP)
        #expect(try await Self.addresses(cloud, [("AllocationId.1", allocation)]).first?["InstanceId"] == nil)

        // Release refuses an associated address; disassociate, then release by either key.
        #expect(try await Self.code(cloud, "ReleaseAddress", [("PublicIp", otherIP)]) == "InvalidIPAddress.InUse")
        let otherAssociation = "eipassoc-" + (other["AllocationId"] as? String ?? "").dropFirst("eipalloc-".count)
        _ = try await Self.ok(cloud, "DisassociateAddress", [("AssociationId", otherAssociation)])
        #expect(try await Self.instance(cloud, second)["PublicIpAddress"] == nil)
        #expect(try await Self.code(cloud, "DisassociateAddress", [("AssociationId", otherAssociation)]) == "InvalidAssociationID.NotFound")
        #expect(try await Self.code(cloud, "DisassociateAddress", [("PublicIp", otherIP)]) == "InvalidAssociationID.NotFound")
        _ = try await Self.ok(cloud, "ReleaseAddress", [("PublicIp", otherIP)])
        _ = try await Self.ok(cloud, "ReleaseAddress", [("AllocationId", allocation)])
        #expect(try await Self.addresses(cloud).isEmpty)
        #expect(try await Self.code(cloud, "ReleaseAddress", [("AllocationId", allocation)]) == "InvalidAllocationID.NotFound")
        #expect(try await Self.code(cloud, "ReleaseAddress", [("PublicIp", ip)]) == "InvalidAddress.NotFound")
    }

    @Test func disassociateByPublicIpAndTagsOnAllocation() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        let vm = try await Self.launch(cloud)
        let allocated = try await Self.ok(
            cloud, "AllocateAddress",
            [
                ("TagSpecification.1.ResourceType", "elastic-ip"), ("TagSpecification.1.Tag.1.Key", "Name"),
                ("TagSpecification.1.Tag.1.Value", "web"),
            ])
        let ip = try #require(allocated["PublicIp"] as? String)
        let tagged = try await Self.addresses(cloud, [("Filter.1.Name", "tag:Name"), ("Filter.1.Value.1", "web")])
        #expect(tagged.map { $0["PublicIp"] as? String } == [ip])
        _ = try await Self.ok(cloud, "AssociateAddress", [("PublicIp", ip), ("InstanceId", vm)])
        _ = try await Self.ok(cloud, "DisassociateAddress", [("PublicIp", ip)])
        #expect(try await Self.instance(cloud, vm)["PublicIpAddress"] == nil)
        _ = try await Self.ok(cloud, "ReleaseAddress", [("PublicIp", ip)])
    }

    @Test func membersCloudStackCannotHonourAreRefusedNamingThem() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        _ = try await Self.launch(cloud)
        let domain = await cloud.send("AllocateAddress", [("Domain", "standard")])
        #expect(String(decoding: domain.body, as: UTF8.self).contains("Domain"))
        #expect(try await Self.code(cloud, "AllocateAddress", [("Domain", "standard")]) == "InvalidParameterValue")
        for member in ["PublicIpv4Pool", "CustomerOwnedIpv4Pool", "IpamPoolId"] {
            let answer = await cloud.send("AllocateAddress", [(member, "pool-1")])
            let text = String(decoding: answer.body, as: UTF8.self)
            #expect(text.contains("UnsupportedOperation") && text.contains(member), "\(member)")
        }
        #expect(try await Self.code(cloud, "AllocateAddress", [("NetworkBorderGroup", "elsewhere-1")]) == "InvalidParameterValue")
        #expect(try await Self.code(cloud, "AllocateAddress", [("Bogus", "1")]) == "UnknownParameter")
        #expect(try await Self.code(cloud, "ReleaseAddress") == "MissingParameter")
        #expect(
            try await Self.code(
                cloud, "ReleaseAddress", [("AllocationId", "eipalloc-00000000000000000000000000000001"), ("PublicIp", "1.2.3.4")])
                == "InvalidParameterCombination")
        #expect(try await Self.code(cloud, "ReleaseAddress", [("AllocationId", "eipalloc-zz")]) == "InvalidAllocationID.Malformed")
        #expect(try await Self.code(cloud, "AssociateAddress", [("PublicIp", "1.2.3.4")]) == "MissingParameter")
        #expect(
            try await Self.code(cloud, "AssociateAddress", [("PublicIp", "1.2.3.4"), ("InstanceId", "i-xyz")])
                == "InvalidInstanceID.Malformed")
        #expect(
            try await Self.code(cloud, "AssociateAddress", [("PublicIp", "1.2.3.4"), ("NetworkInterfaceId", "eni-1")])
                == "InvalidNetworkInterfaceID.Malformed")
        #expect(try await Self.code(cloud, "DisassociateAddress") == "MissingParameter")
        #expect(
            try await Self.code(cloud, "DisassociateAddress", [("AssociationId", "eipassoc-00000000000000000000000000000001")])
                == "InvalidAssociationID.NotFound")
        let allocated = try await Self.ok(cloud, "AllocateAddress")
        let allocation = try #require(allocated["AllocationId"] as? String)
        #expect(
            try await Self.code(
                cloud, "AssociateAddress", [("AllocationId", allocation), ("NetworkInterfaceId", "eni-00000000000000000000000000000001")])
                == "InvalidNetworkInterfaceID.NotFound")
        #expect(
            try await Self.code(
                cloud, "AssociateAddress", [("AllocationId", allocation), ("InstanceId", "i-00000000000000000000000000000001")])
                == "InvalidInstanceID.NotFound")
        let dry = await cloud.send("AllocateAddress", [("DryRun", "true")])
        #expect(String(decoding: dry.body, as: UTF8.self).contains("DryRunOperation"))
    }

    @Test func describeAddressesAttributeAnswersDomainNameEmpty() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        _ = try await Self.launch(cloud)
        let a = try #require(try await Self.ok(cloud, "AllocateAddress")["AllocationId"] as? String)
        let b = try #require(try await Self.ok(cloud, "AllocateAddress")["AllocationId"] as? String)
        let all = try await Self.ok(cloud, "DescribeAddressesAttribute", [("Attribute", "domain-name")])
        let listed = (all["Addresses"] as? [[String: Any]] ?? []).compactMap { $0["AllocationId"] as? String }
        #expect(Set(listed) == [a, b])
        #expect((all["Addresses"] as? [[String: Any]] ?? []).allSatisfy { $0["PtrRecord"] == nil && $0["PublicIp"] != nil })
        let page = try await Self.ok(cloud, "DescribeAddressesAttribute", [("Attribute", "domain-name"), ("MaxResults", "1")])
        let token = try #require(page["NextToken"] as? String)
        let rest = try await Self.ok(
            cloud, "DescribeAddressesAttribute", [("Attribute", "domain-name"), ("MaxResults", "1"), ("NextToken", token)])
        let paged = ((page["Addresses"] as? [[String: Any]] ?? []) + (rest["Addresses"] as? [[String: Any]] ?? [])).compactMap {
            $0["AllocationId"] as? String
        }
        #expect(Set(paged) == [a, b] && rest["NextToken"] == nil)
        let one = try await Self.ok(cloud, "DescribeAddressesAttribute", [("Attribute", "domain-name"), ("AllocationId.1", a)])
        #expect((one["Addresses"] as? [[String: Any]] ?? []).count == 1)
        #expect(try await Self.code(cloud, "DescribeAddressesAttribute", [("Attribute", "ptr")]) == "InvalidParameterValue")
        #expect(try await Self.code(cloud, "DescribeAddressesAttribute") == "MissingParameter")
        #expect(
            try await Self.code(
                cloud, "DescribeAddressesAttribute",
                [("Attribute", "domain-name"), ("AllocationId.1", "eipalloc-00000000000000000000000000000001")])
                == "InvalidAllocationID.NotFound")
    }
}
