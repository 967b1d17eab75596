import CloudStack
import CloudStackSimulator
import Testing

@testable import EC2

/// DescribeVolumes pages through CloudStack's own listVolumes pages (issue #16): a page costs the CloudStack
/// pages it needs, whatever the account holds.
@Suite struct VolumePagingTests {
    static func ids(_ parsed: [String: Any]) -> [String] {
        VolumeActionTests.volumes(parsed).compactMap { $0["VolumeId"] as? String }
    }

    static func walk(_ cloud: EC2TestCloud, _ counter: CommandCounter) -> CloudStackPageWalk {
        CloudStackPageWalk(cloud: cloud, counter: counter, action: "DescribeVolumes", command: "listVolumes", pageSize: 4, ids: ids)
    }

    /// 23 root volumes over CloudStack pages of 4, thinned by a wildcard zone filter CloudStack cannot apply:
    /// every matching volume comes exactly once; without a filter, full pages and the unpaginated list's volumes.
    @Test func pagesThroughSmallCloudStackPagesWithALocalFilter() async throws {
        let counter = CommandCounter()
        let cloud = try EC2TestCloud.paged(vms: 23, counter: counter)
        let everything = VolumeActionTests.volumes(try await cloud.call("DescribeVolumes"))
        #expect(everything.count == 23)
        let zone = try #require(everything.first?["AvailabilityZone"] as? String)
        let filter = [("Filter.1.Name", "availability-zone"), ("Filter.1.Value.1", String(zone.dropLast()) + "*")]
        let expected = Self.ids(try await cloud.call("DescribeVolumes", filter))
        #expect(!expected.isEmpty && expected.count < everything.count)

        try await Self.walk(cloud, counter).expectEachOnce(filter, expected: expected)
        let all = try await Self.walk(cloud, counter).walk([], maxResults: 5)
        #expect(all.count == 23 && Set(all) == Set(everything.compactMap { $0["VolumeId"] as? String }))
    }

    /// A volume deleted between two pages moves later rows down a CloudStack page: none is lost or repeated,
    /// and deleted volumes stay out of the list.
    @Test func rowsRemovedBetweenPagesNeitherRepeatNorVanish() async throws {
        var configuration = ClientConfiguration()
        configuration.pageSize = 4
        let counter = CommandCounter()
        let cloud = try EC2TestCloud(seed: .empty, clientConfiguration: configuration, counter: counter)
        let zone = try #require(
            (try await cloud.call("DescribeAvailabilityZones")["AvailabilityZones"] as? [[String: Any]])?.first?["ZoneName"] as? String)
        var made: [String] = []
        for _ in 0..<11 {
            let created = try await cloud.call("CreateVolume", [("AvailabilityZone", zone), ("Size", "2")])
            made.append(try #require(created["VolumeId"] as? String))
        }
        let first = try await cloud.call("DescribeVolumes", [("MaxResults", "5")])
        let firstIDs = Self.ids(first)
        #expect(firstIDs.count == 5)
        let token = try #require(first["NextToken"] as? String)
        _ = try await cloud.call("DeleteVolume", [("VolumeId", firstIDs[0])])
        var seen = firstIDs
        var next: String? = token
        while let current = next {
            let page = try await cloud.call("DescribeVolumes", [("MaxResults", "5"), ("NextToken", current)])
            seen += Self.ids(page)
            next = page["NextToken"] as? String
        }
        #expect(seen.count == Set(seen).count)
        #expect(Set(seen) == Set(made))
        let after = try await Self.walk(cloud, counter).walk([], maxResults: 5)
        #expect(Set(after) == Set(made).subtracting([firstIDs[0]]))
        // A token of one filter set is refused with another.
        let filtered = [("Filter.1.Name", "size"), ("Filter.1.Value.1", "2")]
        #expect(
            try await VolumeActionTests.refused(cloud, "DescribeVolumes", filtered + [("MaxResults", "5"), ("NextToken", token)]).0
                == "InvalidNextToken")
    }

    static func statusIDs(_ parsed: [String: Any]) -> [String] {
        ((parsed["VolumeStatuses"] as? [[String: Any]]) ?? []).compactMap { $0["VolumeId"] as? String }
    }

    /// DescribeVolumeStatus pages through listVolumes' pages too: 23 volumes over pages of 4 with a wildcard zone
    /// filter CloudStack cannot apply, every status exactly once and a bounded number of CloudStack pages a page.
    @Test func volumeStatusPagesThroughSmallCloudStackPages() async throws {
        let counter = CommandCounter()
        let cloud = try EC2TestCloud.paged(vms: 23, counter: counter)
        let all = Self.statusIDs(try await cloud.call("DescribeVolumeStatus"))
        #expect(all.count == 23)
        let zone = try #require(VolumeActionTests.volumes(try await cloud.call("DescribeVolumes")).first?["AvailabilityZone"] as? String)
        let filter = [("Filter.1.Name", "availability-zone"), ("Filter.1.Value.1", String(zone.dropLast()) + "*")]
        let expected = Self.statusIDs(try await cloud.call("DescribeVolumeStatus", filter))
        #expect(!expected.isEmpty && expected.count < all.count)
        let walk = CloudStackPageWalk(
            cloud: cloud, counter: counter, action: "DescribeVolumeStatus", command: "listVolumes", pageSize: 4, ids: Self.statusIDs)
        try await walk.expectEachOnce(filter, expected: expected)
        try await walk.expectEachOnce([], expected: all, sizes: [5])
    }
}
