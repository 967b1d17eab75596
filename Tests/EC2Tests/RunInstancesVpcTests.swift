import CloudStack
import CloudStackSimulator
import Foundation
import Pipeline
import Testing

@testable import EC2

/// RunInstances into VPC tiers and isolated networks, with `NetworkInterface.1.AssociatePublicIpAddress`
/// (decision 0009 §10), and TerminateInstances releasing the addresses it acquired; every answer parsed by botocore.
@Suite struct RunInstancesVpcTests {
    static let zone = ElasticIPActionTests.zone

    static func ok(_ cloud: EC2TestCloud, _ action: String, _ parameters: [(String, String)] = []) async throws -> [String: Any] {
        try await ElasticIPActionTests.ok(cloud, action, parameters)
    }

    static func code(_ cloud: EC2TestCloud, _ action: String, _ parameters: [(String, String)] = []) async throws -> String {
        try await ElasticIPActionTests.code(cloud, action, parameters)
    }

    /// A VPC with one tier, made with CreateVpc and CreateSubnet.
    static func tier(_ cloud: EC2TestCloud, _ cidr: String, _ tierCIDR: String) async throws -> (vpc: String, subnet: String) {
        let vpc = try await VpcActionTests.createVPC(cloud, cidr)
        let subnet = try #require(try await VpcActionTests.createSubnet(cloud, vpc, tierCIDR)["SubnetId"] as? String)
        return (vpc, subnet)
    }

    /// Launches one instance with `parameters`; answers its id.
    static func launch(_ cloud: EC2TestCloud, _ parameters: [(String, String)]) async throws -> String {
        let image = try await InstanceActionTests.imageID(cloud)
        let launched = try await ok(cloud, "RunInstances", [("ImageId", image), ("MinCount", "1"), ("MaxCount", "1")] + parameters)
        return try #require((launched["Instances"] as? [[String: Any]])?.first?["InstanceId"] as? String)
    }

    static func publicInterface(subnet: String?) -> [(String, String)] {
        var parameters = [("NetworkInterface.1.DeviceIndex", "0"), ("NetworkInterface.1.AssociatePublicIpAddress", "true")]
        if let subnet { parameters.append(("NetworkInterface.1.SubnetId", subnet)) }
        return parameters
    }

    /// The caller's public IPs as CloudStack lists them (source NAT left out).
    static func cloudStackAddresses(_ cloud: EC2TestCloud) async throws -> [PublicIPAddress] {
        try await cloud.client.listAll(CommandTable.listPublicIpAddresses, Parameters(), as: InstanceActionTests.userCredentials(cloud))
            .filter { $0.issourcenat != true }
    }

    @Test func launchesIntoATierBySubnetId() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        let (vpc, subnet) = try await Self.tier(cloud, "10.80.0.0/16", "10.80.1.0/24")
        let id = try await Self.launch(cloud, [("SubnetId", subnet)])
        let shown = try await ElasticIPActionTests.instance(cloud, id)
        #expect(shown["SubnetId"] as? String == subnet && shown["VpcId"] as? String == vpc)
        #expect((shown["PrivateIpAddress"] as? String)?.hasPrefix("10.80.1.") == true)
        #expect(shown["PublicIpAddress"] == nil)
        let interfaces = shown["NetworkInterfaces"] as? [[String: Any]] ?? []
        #expect(interfaces.map { $0["SubnetId"] as? String } == [subnet] && interfaces.first?["VpcId"] as? String == vpc)
        // The same through the interface, and no address when the member is false (the tier's default).
        let second = try await Self.launch(
            cloud,
            [
                ("NetworkInterface.1.DeviceIndex", "0"), ("NetworkInterface.1.SubnetId", subnet),
                ("NetworkInterface.1.AssociatePublicIpAddress", "false"),
            ])
        let other = try await ElasticIPActionTests.instance(cloud, second)
        #expect(other["SubnetId"] as? String == subnet && other["PublicIpAddress"] == nil)
        #expect(try await Self.cloudStackAddresses(cloud).isEmpty)
    }

    @Test func securityGroupsOnAnInterfaceInATierAreRefused() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        let (_, subnet) = try await Self.tier(cloud, "10.81.0.0/16", "10.81.1.0/24")
        let group = try #require(
            try await Self.ok(cloud, "CreateSecurityGroup", [("GroupName", "web"), ("GroupDescription", "web")])["GroupId"] as? String)
        let image = try await InstanceActionTests.imageID(cloud)
        let refused = try await Self.code(
            cloud, "RunInstances",
            [
                ("ImageId", image), ("MinCount", "1"), ("MaxCount", "1"), ("NetworkInterface.1.DeviceIndex", "0"),
                ("NetworkInterface.1.SubnetId", subnet), ("NetworkInterface.1.SecurityGroupId.1", group),
            ])
        #expect(refused == "InvalidParameterValue")
        #expect(
            try await cloud.client.listAll(CommandTable.listVirtualMachines, Parameters(), as: InstanceActionTests.userCredentials(cloud))
                .isEmpty)
    }

    @Test func publicAddressInATierIsReleasedAtTermination() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        let (vpc, subnet) = try await Self.tier(cloud, "10.82.0.0/16", "10.82.1.0/24")
        let id = try await Self.launch(cloud, Self.publicInterface(subnet: subnet))
        let shown = try await ElasticIPActionTests.instance(cloud, id)
        let ip = try #require(shown["PublicIpAddress"] as? String)
        #expect(shown["SubnetId"] as? String == subnet && shown["VpcId"] as? String == vpc)
        let association = (shown["NetworkInterfaces"] as? [[String: Any]])?.first?["Association"] as? [String: Any]
        #expect(association?["PublicIp"] as? String == ip)
        // CloudStack holds it for the VPC, NATed into the tier, tagged as the bridge's own.
        let rows = try await Self.cloudStackAddresses(cloud)
        let row = try #require(rows.first)
        #expect(rows.count == 1 && row.ipaddress == ip && row.isstaticnat == true)
        #expect(row.vpcid == VpcActionTests.uuid(vpc) && row.virtualmachineid == VpcActionTests.uuid(id))
        #expect(row.tags.contains { $0.key == InternalTags.autoPublicIP && $0.value == id })
        let described = try await ElasticIPActionTests.addresses(cloud, [("Filter.1.Name", "instance-id"), ("Filter.1.Value.1", id)])
        #expect(described.map { $0["PublicIp"] as? String } == [ip] && described.first?["AssociationId"] != nil)
        #expect((described.first?["Tags"] as? [[String: Any]])?.isEmpty != false)

        _ = try await Self.ok(cloud, "TerminateInstances", [("InstanceId.1", id)])
        #expect(try await Self.cloudStackAddresses(cloud).isEmpty)
        #expect(try await ElasticIPActionTests.addresses(cloud).isEmpty)
    }

    @Test func publicAddressInAnIsolatedNetworkWhileElasticIPsSurviveTermination() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        let automatic = try await Self.launch(cloud, [("Placement.AvailabilityZone", Self.zone)] + Self.publicInterface(subnet: nil))
        let shown = try await ElasticIPActionTests.instance(cloud, automatic)
        let ip = try #require(shown["PublicIpAddress"] as? String)
        let row = try #require(try await Self.cloudStackAddresses(cloud).first { $0.ipaddress == ip })
        let subnet = try #require(shown["SubnetId"] as? String)
        #expect(row.vpcid == nil && row.associatednetworkid == VpcActionTests.uuid(subnet))
        #expect(row.isstaticnat == true && row.virtualmachineid == VpcActionTests.uuid(automatic))

        // A user's Elastic IP on another instance.
        let manual = try await ElasticIPActionTests.launch(cloud)
        let allocated = try await Self.ok(cloud, "AllocateAddress", [("Domain", "vpc")])
        let allocation = try #require(allocated["AllocationId"] as? String)
        _ = try await Self.ok(cloud, "AssociateAddress", [("AllocationId", allocation), ("InstanceId", manual)])
        #expect(try await ElasticIPActionTests.addresses(cloud).count == 2)

        _ = try await Self.ok(cloud, "TerminateInstances", [("InstanceId.1", automatic), ("InstanceId.2", manual)])
        // The launch's address is released; the Elastic IP stays with the account, disassociated (as EC2 does).
        let left = try await Self.cloudStackAddresses(cloud)
        #expect(left.map(\.ipaddress) == [allocated["PublicIp"] as? String])
        let kept = try #require(try await ElasticIPActionTests.addresses(cloud).first)
        #expect(kept["AllocationId"] as? String == allocation && kept["AssociationId"] == nil && kept["InstanceId"] == nil)
        _ = try await Self.ok(cloud, "ReleaseAddress", [("AllocationId", allocation)])
    }

    @Test func aFailedAddressRollsTheLaunchBack() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        let (_, subnet) = try await Self.tier(cloud, "10.83.0.0/16", "10.83.1.0/24")
        cloud.simulator.setErrorInjection(ErrorInjection(failingJobs: ["associateIpAddress"]))
        let image = try await InstanceActionTests.imageID(cloud)
        let failed = try await Self.code(
            cloud, "RunInstances", [("ImageId", image), ("MinCount", "2"), ("MaxCount", "2")] + Self.publicInterface(subnet: subnet))
        #expect(failed == "InternalError")
        // All or nothing: the deployed VMs are destroyed (a user may not expunge in 4.18) and no address is left.
        #expect(
            try await cloud.client.listAll(CommandTable.listVirtualMachines, Parameters(), as: InstanceActionTests.userCredentials(cloud))
                .isEmpty)
        let admin = CloudStackCredentials(apiKey: cloud.admin.apiKey, secretKey: cloud.admin.secretKey)
        let rows = try await cloud.client.listAll(CommandTable.listVirtualMachines, ["listall": "true"], as: admin)
        #expect(rows.count == 2 && rows.allSatisfy { $0.state == "Destroyed" || $0.state == "Expunging" })
        #expect(try await Self.cloudStackAddresses(cloud).isEmpty)

        // Without the fault the same launch gets its address.
        cloud.simulator.setErrorInjection(ErrorInjection())
        #expect(try await Self.launch(cloud, Self.publicInterface(subnet: subnet)).hasPrefix("i-"))
        #expect(try await Self.cloudStackAddresses(cloud).count == 1)
    }

    @Test func severalInterfacesWithAPublicAddressAreRefused() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        let (_, subnet) = try await Self.tier(cloud, "10.84.0.0/16", "10.84.1.0/24")
        let second = try #require(
            try await VpcActionTests.createSubnet(cloud, try await VpcActionTests.createVPC(cloud, "10.85.0.0/16"), "10.85.1.0/24")[
                "SubnetId"] as? String)
        let image = try await InstanceActionTests.imageID(cloud)
        let refused = try await Self.code(
            cloud, "RunInstances",
            [("ImageId", image), ("MinCount", "1"), ("MaxCount", "1")] + Self.publicInterface(subnet: subnet) + [
                ("NetworkInterface.2.DeviceIndex", "1"), ("NetworkInterface.2.SubnetId", second),
            ])
        #expect(refused == "InvalidParameterCombination")
    }
}
