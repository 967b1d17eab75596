import CloudStack
import CloudStackSimulator
import Testing

@testable import EC2

/// DescribeInstances pages through CloudStack's own pages: a page costs the CloudStack pages it needs.
@Suite struct InstancePagingTests {
    static func ids(_ parsed: [String: Any]) -> [String] {
        InstanceActionTests.instances(parsed).compactMap { $0["InstanceId"] as? String }
    }

    /// 23 VMs over CloudStack pages of 4, thinned by a wildcard zone filter CloudStack cannot apply: every
    /// matching instance comes exactly once, and each page reads a bounded number of CloudStack pages.
    @Test func pagesThroughSmallCloudStackPagesWithALocalFilter() async throws {
        let counter = CommandCounter()
        let cloud = try EC2TestCloud.paged(vms: 23, counter: counter)
        let all = Self.ids(try await cloud.call("DescribeInstances"))
        #expect(all.count == 23)
        let zones = InstanceActionTests.instances(try await cloud.call("DescribeInstances")).compactMap {
            ($0["Placement"] as? [String: Any])?["AvailabilityZone"] as? String
        }
        let zone = try #require(zones.first)
        let filter = [("Filter.1.Name", "availability-zone"), ("Filter.1.Value.1", String(zone.dropLast()) + "*")]
        let expected = Self.ids(try await cloud.call("DescribeInstances", filter))
        #expect(!expected.isEmpty && expected.count < all.count)

        let walk = CloudStackPageWalk(
            cloud: cloud, counter: counter, action: "DescribeInstances", command: "listVirtualMachines", pageSize: 4, ids: Self.ids)
        try await walk.expectEachOnce(filter, expected: expected)

        // Without a filter: pages of exactly MaxResults, in CloudStack's order, and the same instances as unpaginated.
        var seen: [String] = []
        var token: String?
        repeat {
            var parameters = [("MaxResults", "5")]
            if let token { parameters.append(("NextToken", token)) }
            let page = try await cloud.call("DescribeInstances", parameters)
            let rows = Self.ids(page)
            token = page["NextToken"] as? String
            if token != nil { #expect(rows.count == 5) }
            seen += rows
        } while token != nil
        #expect(seen.count == 23 && Set(seen) == Set(all))
    }

    /// Instances terminated between two pages move later rows down a CloudStack page: none is lost or repeated.
    @Test func rowsRemovedBetweenPagesNeitherRepeatNorVanish() async throws {
        var configuration = ClientConfiguration()
        configuration.pageSize = 4
        let cloud = try EC2TestCloud(seed: SeedData(userAccounts: 1, vmsPerAccount: 12), clientConfiguration: configuration)
        let first = try await cloud.call("DescribeInstances", [("MaxResults", "6")])
        let firstIDs = Self.ids(first)
        let token = try #require(first["NextToken"] as? String)
        #expect(firstIDs.count == 6)
        // Terminate two instances already returned: the rest shift down by two rows.
        _ = try await cloud.call("TerminateInstances", [("InstanceId.1", firstIDs[0]), ("InstanceId.2", firstIDs[1])])
        let all = Self.ids(try await cloud.call("DescribeInstances"))
        var seen = firstIDs
        var next: String? = token
        while let current = next {
            let page = try await cloud.call("DescribeInstances", [("MaxResults", "6"), ("NextToken", current)])
            seen += Self.ids(page)
            next = page["NextToken"] as? String
        }
        #expect(seen.count == Set(seen).count)
        #expect(Set(all).isSubset(of: Set(seen)))
    }

    static func statusIDs(_ parsed: [String: Any]) -> [String] {
        ((parsed["InstanceStatuses"] as? [[String: Any]]) ?? []).compactMap { $0["InstanceId"] as? String }
    }

    /// DescribeInstanceStatus pages through CloudStack's pages too: 23 VMs over pages of 4, five of them stopped, so
    /// the running-only answer is thinned by a rule CloudStack is not asked to apply; every status comes exactly once,
    /// with a bounded number of CloudStack pages a page, and a token stays bound to `IncludeAllInstances`.
    @Test func instanceStatusPagesThroughSmallCloudStackPages() async throws {
        let counter = CommandCounter()
        let cloud = try EC2TestCloud.paged(vms: 23, counter: counter)
        let all = Self.statusIDs(try await cloud.call("DescribeInstanceStatus", [("IncludeAllInstances", "true")]))
        #expect(all.count == 23)
        let stopped = [0, 3, 7, 12, 20].map { all[$0] }
        _ = try await cloud.call("StopInstances", stopped.enumerated().map { ("InstanceId.\($0.offset + 1)", $0.element) })
        let running = Self.statusIDs(try await cloud.call("DescribeInstanceStatus"))
        #expect(Set(running) == Set(all).subtracting(stopped))

        let walk = CloudStackPageWalk(
            cloud: cloud, counter: counter, action: "DescribeInstanceStatus", command: "listVirtualMachines", pageSize: 4,
            ids: Self.statusIDs)
        try await walk.expectEachOnce([], expected: running)
        try await walk.expectEachOnce([("IncludeAllInstances", "true")], expected: all, sizes: [5])

        // A token of the running-only walk does not resume the walk of every instance.
        let first = try await cloud.call("DescribeInstanceStatus", [("MaxResults", "5")])
        let token = try #require(first["NextToken"] as? String)
        let moved = await cloud.send(
            "DescribeInstanceStatus", [("MaxResults", "5"), ("NextToken", token), ("IncludeAllInstances", "true")])
        #expect(String(decoding: moved.body, as: UTF8.self).contains("InvalidNextToken"))
    }
    /// DescribeInstanceCreditSpecifications pages the same way: 23 VMs over pages of 4, each once, bounded reads.
    @Test func creditSpecificationsPageThroughSmallCloudStackPages() async throws {
        let counter = CommandCounter()
        let cloud = try EC2TestCloud.paged(vms: 23, counter: counter)
        let ids = { (parsed: [String: Any]) -> [String] in
            ((parsed["InstanceCreditSpecifications"] as? [[String: Any]]) ?? []).compactMap { $0["InstanceId"] as? String }
        }
        let all = ids(try await cloud.call("DescribeInstanceCreditSpecifications"))
        #expect(all.count == 23)
        let walk = CloudStackPageWalk(
            cloud: cloud, counter: counter, action: "DescribeInstanceCreditSpecifications", command: "listVirtualMachines", pageSize: 4,
            ids: ids)
        try await walk.expectEachOnce([], expected: all, sizes: [5, 9])
    }
}
