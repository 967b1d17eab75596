import CloudStack
import CloudStackSimulator
import Testing

@testable import EC2

/// DescribeSnapshots pages through CloudStack's own listSnapshots pages (issue #16): a page costs the CloudStack
/// pages it needs, and the walk of pages gives the whole list, in the same order.
@Suite struct SnapshotPagingTests {
    static func ids(_ parsed: [String: Any]) -> [String] {
        SnapshotActionTests.snapshots(parsed).compactMap { $0["SnapshotId"] as? String }
    }

    /// 26 snapshots over CloudStack pages of 4 (reading them all would take 7 listSnapshots calls a page), half with
    /// a description a local filter keeps.
    @Test func pagesThroughSmallCloudStackPagesWithALocalFilter() async throws {
        var configuration = ClientConfiguration()
        configuration.pageSize = 4
        let counter = CommandCounter()
        let cloud = try EC2TestCloud(
            seed: SeedData(userAccounts: 1, vmsPerAccount: 1), clientConfiguration: configuration, counter: counter)
        let (_, volume) = try await SnapshotActionTests.rootVolume(cloud)
        var odd: Set<String> = []
        for index in 0..<26 {
            let made = try await cloud.call("CreateSnapshot", [("VolumeId", volume), ("Description", index % 2 == 1 ? "odd" : "even")])
            if index % 2 == 1 { odd.insert(try #require(made["SnapshotId"] as? String)) }
        }
        let everything = Self.ids(try await cloud.call("DescribeSnapshots"))
        #expect(everything.count == 26)
        let filter = [("Filter.1.Name", "description"), ("Filter.1.Value.1", "odd")]
        let walk = CloudStackPageWalk(
            cloud: cloud, counter: counter, action: "DescribeSnapshots", command: "listSnapshots", pageSize: 4, ids: Self.ids)
        for maxResults in [5, 6] {
            for parameters in [filter, []] {
                let seen = try await walk.walk(parameters, maxResults: maxResults)
                #expect(seen == (parameters.isEmpty ? everything : everything.filter(odd.contains)))
            }
        }
        // Another owner has none, paged or not; a token is bound to its filters.
        let other = try await cloud.call("DescribeSnapshots", [("Owner.1", "amazon"), ("MaxResults", "5")])
        #expect(Self.ids(other).isEmpty && other["NextToken"] == nil)
        let first = try await cloud.call("DescribeSnapshots", [("MaxResults", "5")])
        let token = try #require(first["NextToken"] as? String)
        let moved = await cloud.send("DescribeSnapshots", filter + [("MaxResults", "5"), ("NextToken", token)])
        #expect(SnapshotActionTests.text(moved).contains("InvalidNextToken"))
    }
}
