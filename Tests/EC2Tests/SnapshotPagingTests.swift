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
        for maxResults in [5, 6] {
            for parameters in [filter, []] {
                var seen: [String] = []
                var token: String?
                var pages = 0
                repeat {
                    let before = counter.count("listSnapshots")
                    var request = parameters + [("MaxResults", String(maxResults))]
                    if let token { request.append(("NextToken", token)) }
                    let page = try await cloud.call("DescribeSnapshots", request)
                    let calls = counter.count("listSnapshots") - before
                    #expect(calls >= 1 && calls <= maxResults / 4 + 3 + 1, "CloudStack pages read for one EC2 page: \(calls)")
                    #expect(Self.ids(page).count <= maxResults)
                    seen += Self.ids(page)
                    token = page["NextToken"] as? String
                    pages += 1
                } while token != nil && pages < 50
                #expect(token == nil)
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
