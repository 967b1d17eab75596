import CloudStack
import CloudStackSimulator
import Foundation
import Pipeline
import Testing

@testable import EC2

/// Placement groups over CloudStack affinity groups: cluster → host affinity, spread → host anti-affinity.
@Suite struct PlacementGroupActionTests {
    static func groups(_ answer: [String: Any]) -> [[String: Any]] { answer["PlacementGroups"] as? [[String: Any]] ?? [] }

    @Test func createDescribeFilterDelete() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        let created = try await ElasticIPActionTests.ok(cloud, "CreatePlacementGroup", [("GroupName", "web"), ("Strategy", "spread")])
        let group = try #require(created["PlacementGroup"] as? [String: Any])
        #expect(
            group["GroupName"] as? String == "web" && group["Strategy"] as? String == "spread" && group["State"] as? String == "available")
        let id = try #require(group["GroupId"] as? String)
        #expect(id.hasPrefix("pg-") && id.count == 35)
        _ = try await ElasticIPActionTests.ok(cloud, "CreatePlacementGroup", [("GroupName", "db"), ("Strategy", "cluster")])
        let affinity = try await cloud.client.listAll(
            CommandTable.listAffinityGroups, ["name": "db"], as: InstanceActionTests.userCredentials(cloud))
        #expect(affinity.map(\.type) == ["host affinity"])

        let all = Self.groups(try await ElasticIPActionTests.ok(cloud, "DescribePlacementGroups"))
        #expect(Set(all.compactMap { $0["GroupName"] as? String }) == ["web", "db"])
        let byID = Self.groups(try await ElasticIPActionTests.ok(cloud, "DescribePlacementGroups", [("GroupId.1", id)]))
        #expect(byID.map { $0["GroupName"] as? String } == ["web"])
        let byName = Self.groups(try await ElasticIPActionTests.ok(cloud, "DescribePlacementGroups", [("GroupName.1", "db")]))
        #expect(byName.map { $0["Strategy"] as? String } == ["cluster"])
        let filtered = Self.groups(
            try await ElasticIPActionTests.ok(
                cloud, "DescribePlacementGroups", [("Filter.1.Name", "strategy"), ("Filter.1.Value.1", "cluster")]))
        #expect(filtered.map { $0["GroupName"] as? String } == ["db"])
        // Another account sees none of them.
        #expect(Self.groups(try await cloud.call("DescribePlacementGroups", as: cloud.other)).isEmpty)

        #expect(
            try await ElasticIPActionTests.code(cloud, "CreatePlacementGroup", [("GroupName", "web"), ("Strategy", "cluster")])
                == "InvalidPlacementGroup.Duplicate")
        _ = try await ElasticIPActionTests.ok(cloud, "DeletePlacementGroup", [("GroupName", "web")])
        _ = try await ElasticIPActionTests.ok(cloud, "DeletePlacementGroup", [("GroupName", "db")])
        #expect(Self.groups(try await ElasticIPActionTests.ok(cloud, "DescribePlacementGroups")).isEmpty)
        #expect(
            try await ElasticIPActionTests.code(cloud, "DeletePlacementGroup", [("GroupName", "web")]) == "InvalidPlacementGroup.Unknown")
        #expect(
            try await ElasticIPActionTests.code(cloud, "DescribePlacementGroups", [("GroupId.1", id)]) == "InvalidPlacementGroup.Unknown")
        #expect(
            try await ElasticIPActionTests.code(cloud, "DescribePlacementGroups", [("GroupName.1", "web")])
                == "InvalidPlacementGroup.Unknown")
    }

    @Test func whatAffinityGroupsCannotBeIsRefusedNamingIt() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        func refusal(_ parameters: [(String, String)]) async throws -> (String, String) {
            let checked = try BotocoreResponseChecker.check([("CreatePlacementGroup", await cloud.send("CreatePlacementGroup", parameters))]
            )[0]
            let error = try #require(checked.error)
            return (error.code, error.message)
        }
        let partition = try await refusal([("GroupName", "p"), ("Strategy", "partition")])
        #expect(partition.0 == "UnsupportedOperation" && partition.1.contains("Strategy"))
        let count = try await refusal([("GroupName", "p"), ("Strategy", "spread"), ("PartitionCount", "2")])
        #expect(count.0 == "UnsupportedOperation")
        let level = try await refusal([("GroupName", "p"), ("Strategy", "spread"), ("SpreadLevel", "rack")])
        #expect(level.0 == "UnsupportedOperation" && level.1.contains("SpreadLevel"))
        #expect(try await refusal([("GroupName", "p"), ("Strategy", "nearby")]).0 == "InvalidParameterValue")
        #expect(try await refusal([("Strategy", "spread")]).0 == "MissingParameter")
        #expect(try await refusal([("GroupName", "p")]).0 == "MissingParameter")
        #expect(try await refusal([("GroupName", "p"), ("Strategy", "spread"), ("LinkedGroupId", "x")]).0 == "UnknownParameter")
        #expect(try await ElasticIPActionTests.code(cloud, "DeletePlacementGroup") == "MissingParameter")
        #expect(
            try await ElasticIPActionTests.code(cloud, "DescribePlacementGroups", [("GroupId.1", "pg-nothex")])
                == "InvalidPlacementGroupId.Malformed")
        #expect(
            try await ElasticIPActionTests.code(cloud, "DescribePlacementGroups", [("Filter.1.Name", "bogus"), ("Filter.1.Value.1", "x")])
                != "")
    }
}
