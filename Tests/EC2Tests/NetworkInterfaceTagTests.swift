import CloudStack
import CloudStackSimulator
import Foundation
import Pipeline
import Testing

@testable import EC2

/// Tags on network interfaces, stored as CloudStack NIC details: CreateTags, DeleteTags, DescribeTags
/// and DescribeNetworkInterfaces' `tagSet` and tag filters, every answer parsed by botocore.
@Suite struct NetworkInterfaceTagTests {
    static func eni(_ cloud: EC2TestCloud) async throws -> String {
        let launched = try await NetworkInterfaceActionTests.launch(cloud)
        return try #require((launched["NetworkInterfaces"] as? [[String: Any]])?.first?["NetworkInterfaceId"] as? String)
    }

    static func filters(_ filters: [(String, [String])]) -> [(String, String)] {
        var parameters: [(String, String)] = []
        for (index, filter) in filters.enumerated() {
            parameters.append(("Filter.\(index + 1).Name", filter.0))
            for (v, value) in filter.1.enumerated() { parameters.append(("Filter.\(index + 1).Value.\(v + 1)", value)) }
        }
        return parameters
    }

    static func tagsOf(_ cloud: EC2TestCloud, _ eni: String) async throws -> Set<String> {
        let shown = try await NetworkInterfaceActionTests.interfaces(cloud, [("NetworkInterfaceId.1", eni)])
        return TagActionTests.pairs(shown.first?["TagSet"])
    }

    @Test func tagOverwriteDescribeAndDelete() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        let eni = try await Self.eni(cloud)
        _ = try await NetworkInterfaceActionTests.ok(
            cloud, "CreateTags", TagActionTests.tagParameters([("role", "web"), ("tier", "a"), ("empty", "")], resources: [eni]))
        #expect(try await Self.tagsOf(cloud, eni) == ["role=web", "tier=a", "empty="])
        _ = try await NetworkInterfaceActionTests.ok(cloud, "CreateTags", TagActionTests.tagParameters([("role", "db")], resources: [eni]))
        #expect(try await Self.tagsOf(cloud, eni) == ["role=db", "tier=a", "empty="])

        let described = try await NetworkInterfaceActionTests.ok(
            cloud, "DescribeTags", Self.filters([("resource-type", ["network-interface"]), ("resource-id", [eni])]))
        let rows = described["Tags"] as? [[String: Any]] ?? []
        #expect(Set(rows.map { "\($0["Key"] as? String ?? "")=\($0["Value"] as? String ?? "")" }) == ["role=db", "tier=a", "empty="])
        #expect(rows.allSatisfy { $0["ResourceType"] as? String == "network-interface" && $0["ResourceId"] as? String == eni })
        let unfiltered = try await NetworkInterfaceActionTests.ok(cloud, "DescribeTags")["Tags"] as? [[String: Any]] ?? []
        #expect(unfiltered.contains { $0["ResourceId"] as? String == eni && $0["Key"] as? String == "role" })
        let byVolume = try await NetworkInterfaceActionTests.ok(cloud, "DescribeTags", Self.filters([("resource-type", ["volume"])]))
        #expect((byVolume["Tags"] as? [[String: Any]] ?? []).isEmpty)

        // By key and a value that does not match: nothing; by key and value: that tag; by key: any value.
        _ = try await NetworkInterfaceActionTests.ok(cloud, "DeleteTags", TagActionTests.tagParameters([("role", "web")], resources: [eni]))
        #expect(try await Self.tagsOf(cloud, eni) == ["role=db", "tier=a", "empty="])
        _ = try await NetworkInterfaceActionTests.ok(cloud, "DeleteTags", TagActionTests.tagParameters([("role", "db")], resources: [eni]))
        _ = try await NetworkInterfaceActionTests.ok(cloud, "DeleteTags", TagActionTests.tagParameters([("tier", nil)], resources: [eni]))
        #expect(try await Self.tagsOf(cloud, eni) == ["empty="])
        _ = try await NetworkInterfaceActionTests.ok(cloud, "DeleteTags", TagActionTests.tagParameters([], resources: [eni]))
        #expect(try await Self.tagsOf(cloud, eni).isEmpty)
    }

    @Test func describeNetworkInterfacesFiltersByTags() async throws {
        let counter = CommandCounter()
        let cloud = try EC2TestCloud(seed: .empty, counter: counter)
        let first = try await Self.eni(cloud)
        let second = try await Self.eni(cloud)
        _ = try await NetworkInterfaceActionTests.ok(
            cloud, "CreateTags", TagActionTests.tagParameters([("role", "web")], resources: [first]))
        _ = try await NetworkInterfaceActionTests.ok(
            cloud, "CreateTags", TagActionTests.tagParameters([("role", "db")], resources: [second]))
        func ids(_ filters: [(String, [String])]) async throws -> [String] {
            try await NetworkInterfaceActionTests.interfaces(cloud, Self.filters(filters)).compactMap {
                $0["NetworkInterfaceId"] as? String
            }
        }
        let before = counter.count("listResourceDetails")
        #expect(try await ids([("tag:role", ["web"])]) == [first])
        // An exact `tag:<key>` value is one listing by key and value, then the survivor's own details.
        #expect(counter.count("listResourceDetails") - before == 2)
        #expect(try await ids([("tag:role", ["w*"])]) == [first])
        #expect(Set(try await ids([("tag-key", ["role"])])) == [first, second])
        #expect(try await ids([("tag-value", ["db"])]) == [second])
        #expect(try await ids([("tag:role", ["none"])]).isEmpty)
        let all = try await NetworkInterfaceActionTests.interfaces(cloud)
        #expect(TagActionTests.pairs(all.first { $0["NetworkInterfaceId"] as? String == first }?["TagSet"]) == ["role=web"])
    }

    @Test func refusals() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        let eni = try await Self.eni(cloud)
        let unknown = "eni-" + String(repeating: "0", count: 32)
        #expect(
            try await NetworkInterfaceActionTests.code(
                cloud, "CreateTags", TagActionTests.tagParameters([("k", "v")], resources: [unknown]))
                == "InvalidNetworkInterfaceID.NotFound")
        #expect(
            try await NetworkInterfaceActionTests.code(
                cloud, "DeleteTags", TagActionTests.tagParameters([("k", nil)], resources: [unknown]))
                == "InvalidNetworkInterfaceID.NotFound")
        // Another account's interface is not found either.
        let foreign = await cloud.send("CreateTags", TagActionTests.tagParameters([("k", "v")], resources: [eni]), as: cloud.other)
        #expect(TagActionTests.code(foreign) == "InvalidNetworkInterfaceID.NotFound")
        #expect(
            try await NetworkInterfaceActionTests.code(
                cloud, "CreateTags", TagActionTests.tagParameters([("stackbridge:x", "v")], resources: [eni])) == "InvalidParameterValue")
        _ = try await NetworkInterfaceActionTests.ok(cloud, "CreateTags", TagActionTests.tagParameters([("Env", "a")], resources: [eni]))
        // CloudStack keeps detail names ignoring case: a key differing only in case would replace it.
        #expect(
            try await NetworkInterfaceActionTests.code(cloud, "CreateTags", TagActionTests.tagParameters([("env", "b")], resources: [eni]))
                == "InvalidParameterValue")
        let image = try await InstanceActionTests.imageID(cloud)
        let run = await cloud.send(
            "RunInstances",
            [
                ("ImageId", image), ("MinCount", "1"), ("MaxCount", "1"),
                ("Placement.AvailabilityZone", NetworkInterfaceActionTests.advanced),
                ("TagSpecification.1.ResourceType", "network-interface"), ("TagSpecification.1.Tag.1.Key", "k"),
                ("TagSpecification.1.Tag.1.Value", "v"),
            ])
        #expect(TagActionTests.code(run) == "InvalidParameterValue")
        #expect(String(decoding: run.body, as: UTF8.self).contains("network-interface"))
    }
}
