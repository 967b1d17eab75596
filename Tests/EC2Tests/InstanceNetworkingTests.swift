import CloudStack
import CloudStackSimulator
import Foundation
import Pipeline
import Testing

@testable import EC2

/// RunInstances' network members beyond one interface and its placement group: several
/// `NetworkInterface.N` (one CloudStack NIC each), per-interface private addresses, `Placement.GroupName`.
@Suite struct InstanceNetworkingTests {
    typealias T = NetworkInterfaceActionTests

    /// A fresh isolated network in the advanced zone, as `subnet-` + its hex, and its gateway.
    static func network(_ cloud: EC2TestCloud, _ name: String) async throws -> (subnet: String, gateway: String) {
        let user = InstanceActionTests.userCredentials(cloud)
        let zones = try await cloud.client.listAll(CommandTable.listZones, Parameters(), as: user)
        let zone = try #require(zones.first { $0.name == T.advanced }?.id)
        let offering = try #require(try await cloud.client.listAll(VPCFixture.listNetworkOfferings, Parameters(), as: user).first?.id)
        let network = try await cloud.client.call(
            CommandTable.createNetwork, ["name": name, "displaytext": name, "networkofferingid": offering, "zoneid": zone], as: user)
        return ("subnet-" + (network.id ?? "").replacingOccurrences(of: "-", with: ""), network.gateway ?? "")
    }

    @Test func severalInterfacesLaunchOneNicEachInDeviceOrder() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        let front = try await Self.network(cloud, "front")
        let back = try await Self.network(cloud, "back")
        let address = front.gateway.split(separator: ".").dropLast().joined(separator: ".") + ".50"
        let image = try await InstanceActionTests.imageID(cloud)
        let launched = try await T.ok(
            cloud, "RunInstances",
            [
                ("ImageId", image), ("MinCount", "1"), ("MaxCount", "1"),
                ("NetworkInterface.1.DeviceIndex", "1"), ("NetworkInterface.1.SubnetId", back.subnet),
                ("NetworkInterface.2.DeviceIndex", "0"), ("NetworkInterface.2.SubnetId", front.subnet),
                ("NetworkInterface.2.PrivateIpAddress", address),
            ])
        let instance = try #require((launched["Instances"] as? [[String: Any]])?.first)
        let id = try #require(instance["InstanceId"] as? String)
        for shown in [instance, try await T.instance(cloud, id)] {
            let set = try #require(shown["NetworkInterfaces"] as? [[String: Any]])
            #expect(set.map { $0["SubnetId"] as? String } == [front.subnet, back.subnet])
            #expect(set.map { ($0["Attachment"] as? [String: Any])?["DeviceIndex"] as? Int } == [0, 1])
            #expect(set.first?["PrivateIpAddress"] as? String == address)
            #expect(shown["SubnetId"] as? String == front.subnet && shown["PrivateIpAddress"] as? String == address)
        }
        #expect(try await T.interfaces(cloud, [("Filter.1.Name", "attachment.instance-id"), ("Filter.1.Value.1", id)]).count == 2)
    }

    @Test func severalInterfacesRefuseWhatCloudStackCannotHold() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        let front = try await Self.network(cloud, "front")
        let back = try await Self.network(cloud, "back")
        let image = try await InstanceActionTests.imageID(cloud)
        let base = [("ImageId", image), ("MinCount", "1"), ("MaxCount", "1")]
        func two(_ extra: [(String, String)]) -> [(String, String)] {
            base + [
                ("NetworkInterface.1.DeviceIndex", "0"), ("NetworkInterface.1.SubnetId", front.subnet),
                ("NetworkInterface.2.DeviceIndex", "1"), ("NetworkInterface.2.SubnetId", back.subnet),
            ] + extra
        }
        let group = try await T.ok(cloud, "CreateSecurityGroup", [("GroupName", "g"), ("GroupDescription", "g")])
        let cases: [([(String, String)], String)] = [
            (two([("NetworkInterface.2.SecurityGroupId.1", group["GroupId"] as? String ?? "")]), "UnsupportedOperation"),
            (two([("NetworkInterface.2.AssociatePublicIpAddress", "true")]), "InvalidParameterCombination"),
            (two([("SubnetId", front.subnet)]), "InvalidParameterCombination"),
            (
                base + [
                    ("NetworkInterface.1.DeviceIndex", "0"), ("NetworkInterface.1.SubnetId", front.subnet),
                    ("NetworkInterface.2.DeviceIndex", "0"), ("NetworkInterface.2.SubnetId", back.subnet),
                ], "InvalidParameterValue"
            ),
            (
                base + [
                    ("NetworkInterface.1.DeviceIndex", "0"), ("NetworkInterface.1.SubnetId", front.subnet),
                    ("NetworkInterface.2.DeviceIndex", "1"), ("NetworkInterface.2.SubnetId", front.subnet),
                ], "UnsupportedOperation"
            ),
            (
                base + [
                    ("NetworkInterface.1.DeviceIndex", "0"), ("NetworkInterface.1.SubnetId", front.subnet),
                    ("NetworkInterface.2.DeviceIndex", "1"),
                ], "MissingParameter"
            ),
        ]
        for (parameters, expected) in cases {
            #expect(try await T.code(cloud, "RunInstances", parameters) == expected, "\(parameters.suffix(2))")
        }
        #expect(try await T.interfaces(cloud).isEmpty, "nothing was launched")
    }

    @Test func placementGroupByNameIsTheInstancesAffinityGroup() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        _ = try await T.ok(cloud, "CreatePlacementGroup", [("GroupName", "spread-1"), ("Strategy", "spread")])
        let launched = try await T.launch(cloud, [("Placement.GroupName", "spread-1")])
        let id = try #require(launched["InstanceId"] as? String)
        #expect((launched["Placement"] as? [String: Any])?["GroupName"] as? String == "spread-1")
        #expect((try await T.instance(cloud, id)["Placement"] as? [String: Any])?["GroupName"] as? String == "spread-1")
        #expect(
            try await T.code(
                cloud, "RunInstances",
                [("ImageId", launched["ImageId"] as? String ?? ""), ("MinCount", "1"), ("MaxCount", "1"), ("Placement.GroupName", "nope")])
                == "InvalidPlacementGroup.Unknown")
        // ModifyInstancePlacement: only a stopped instance moves (CloudStack's updateVMAffinityGroup).
        _ = try await T.ok(cloud, "CreatePlacementGroup", [("GroupName", "cluster-1"), ("Strategy", "cluster")])
        let move = [("InstanceId", id), ("GroupName", "cluster-1")]
        #expect(try await T.code(cloud, "ModifyInstancePlacement", move) == "IncorrectInstanceState")
        _ = try await T.ok(cloud, "StopInstances", [("InstanceId.1", id)])
        cloud.clock.advance(seconds: 5)
        _ = try await T.ok(cloud, "ModifyInstancePlacement", move)
        #expect((try await T.instance(cloud, id)["Placement"] as? [String: Any])?["GroupName"] as? String == "cluster-1")
        #expect(
            try await T.code(cloud, "ModifyInstancePlacement", [("InstanceId", id), ("GroupName", "nope")])
                == "InvalidPlacementGroup.Unknown")
        for (member, value) in [
            ("Tenancy", "dedicated"), ("HostId", "h-1"), ("Affinity", "host"), ("PartitionNumber", "1"), ("GroupName", ""),
        ] {
            #expect(
                try await T.code(cloud, "ModifyInstancePlacement", [("InstanceId", id), (member, value)]) == "UnsupportedOperation",
                "\(member)")
        }
        // A group with an instance in it cannot be deleted (CloudStack refuses).
        #expect(try await T.code(cloud, "DeletePlacementGroup", [("GroupName", "cluster-1")]) != "")
        _ = try await T.ok(cloud, "TerminateInstances", [("InstanceId.1", id)])
    }
}
