import CloudStack
import CloudStackSimulator
import Pipeline
import Testing

@testable import EC2

/// DescribeTags with `MaxResults` pages through CloudStack's own pages: listTags' rows, then the network interfaces'
/// tags VM by VM, then the tags still being created; a page costs the CloudStack pages it reads.
@Suite struct TagPagingTests {
    static func ids(_ parsed: [String: Any]) -> [String] {
        ((parsed["Tags"] as? [[String: Any]]) ?? []).map { ($0["ResourceId"] as? String ?? "") + "/" + ($0["Key"] as? String ?? "") }
    }

    static func tag(_ cloud: EC2TestCloud, _ resources: [String], _ tags: [(String, String)]) async throws {
        let response = await cloud.send("CreateTags", TagActionTests.tagParameters(tags.map { ($0.0, $0.1) }, resources: resources))
        #expect(response.status == 200, "\(String(decoding: response.body, as: UTF8.self))")
    }

    /// 23 VMs over CloudStack pages of 4: two tags on each of 11 instances and three on each of 7 network interfaces
    /// (a VM's run of tags splits across EC2 pages). Every tag comes once at every page size, with a bounded number of
    /// listTags, listVirtualMachines and listResourceDetails calls a page; a key wildcard CloudStack cannot apply
    /// thins both lists over more than one CloudStack page.
    @Test func pagesThroughTagsAndInterfaceTagsOverSmallCloudStackPages() async throws {
        let counter = CommandCounter()
        let cloud = try EC2TestCloud.paged(vms: 23, counter: counter)
        let instances = InstancePagingTests.ids(try await cloud.call("DescribeInstances"))
        let interfaces = ((try await cloud.call("DescribeNetworkInterfaces")["NetworkInterfaces"] as? [[String: Any]]) ?? []).compactMap {
            $0["NetworkInterfaceId"] as? String
        }
        #expect(instances.count == 23 && interfaces.count >= 23)
        for instance in instances.prefix(11) { try await Self.tag(cloud, [instance], [("k1", "a"), ("other", "b")]) }
        for interface in interfaces.suffix(7) { try await Self.tag(cloud, [interface], [("k2", "x"), ("role", "db"), ("size", "y")]) }
        let all = Self.ids(try await cloud.call("DescribeTags"))
        #expect(all.count == 11 * 2 + 7 * 3)

        for command in ["listTags", "listVirtualMachines"] {
            let walk = CloudStackPageWalk(
                cloud: cloud, counter: counter, action: "DescribeTags", command: command, pageSize: 4, ids: Self.ids)
            try await walk.expectEachOnce([], expected: all)
        }
        // One listResourceDetails a NIC, for the VMs of the CloudStack pages a page reads at most.
        let details = CloudStackPageWalk(
            cloud: cloud, counter: counter, action: "DescribeTags", command: "listResourceDetails", pageSize: 4, ids: Self.ids,
            bound: { ($0 / 4 + 4) * 4 })
        try await details.expectEachOnce([], expected: all, sizes: [5])

        let wildcard = [("Filter.1.Name", "key"), ("Filter.1.Value.1", "k*")]
        let thinned = Self.ids(try await cloud.call("DescribeTags", wildcard))
        #expect(thinned.count == 11 + 7)
        let walk = CloudStackPageWalk(
            cloud: cloud, counter: counter, action: "DescribeTags", command: "listTags", pageSize: 4, ids: Self.ids)
        try await walk.expectEachOnce(wildcard, expected: thinned)

        // A page full at the end of listTags' rows, with no interface list to read: no token, no empty last page.
        let instanceTags = [("Filter.1.Name", "resource-type"), ("Filter.1.Value.1", "instance")]
        let first = try await cloud.call("DescribeTags", instanceTags + [("MaxResults", "11")])
        #expect(Self.ids(first).count == 11)
        let second = try await cloud.call(
            "DescribeTags", instanceTags + [("MaxResults", "11"), ("NextToken", try #require(first["NextToken"] as? String))])
        #expect(Self.ids(second).count == 11 && second["NextToken"] == nil)

        // `tag:` filters: the resources of the named tag walked, each standing for all its tags (one listTags each).
        for tagFilter in [
            [("Filter.1.Name", "tag:k1"), ("Filter.1.Value.1", "a")], [("Filter.1.Name", "tag:role"), ("Filter.1.Value.1", "d*")],
        ] {
            let joined = Self.ids(try await cloud.call("DescribeTags", tagFilter))
            #expect(joined.count == (tagFilter[0].1 == "tag:k1" ? 11 * 2 : 7 * 3))
            let bounded = CloudStackPageWalk(
                cloud: cloud, counter: counter, action: "DescribeTags", command: "listTags", pageSize: 4, ids: Self.ids,
                bound: { $0 / 4 + 4 + max(NicTags.concurrentReads, $0) })
            try await bounded.expectEachOnce(tagFilter, expected: joined)
            try await CloudStackPageWalk(
                cloud: cloud, counter: counter, action: "DescribeTags", command: "listResourceDetails", pageSize: 4, ids: Self.ids,
                bound: { ($0 / 4 + 4) * 4 }
            ).expectEachOnce(tagFilter, expected: joined, sizes: [5])
        }

        // Only network interfaces: no listTags at all; by exact key and value, one listResourceDetails a page.
        let byType = [("Filter.1.Name", "resource-type"), ("Filter.1.Value.1", "network-interface")]
        let interfaceTags = Self.ids(try await cloud.call("DescribeTags", byType))
        #expect(interfaceTags.count == 7 * 3)
        let listed = counter.count("listTags")
        try await CloudStackPageWalk(
            cloud: cloud, counter: counter, action: "DescribeTags", command: "listVirtualMachines", pageSize: 4, ids: Self.ids
        ).expectEachOnce(byType, expected: interfaceTags)
        #expect(counter.count("listTags") == listed)
        let exact =
            byType + [("Filter.2.Name", "key"), ("Filter.2.Value.1", "role"), ("Filter.3.Name", "value"), ("Filter.3.Value.1", "db")]
        let roles = Self.ids(try await cloud.call("DescribeTags", exact))
        #expect(roles.count == 7)
        try await CloudStackPageWalk(
            cloud: cloud, counter: counter, action: "DescribeTags", command: "listResourceDetails", pageSize: 4, ids: Self.ids,
            bound: { _ in 1 }
        ).expectEachOnce(exact, expected: roles)
    }

    /// Tags whose createTags job is still running come once, after CloudStack's, and once more only from CloudStack
    /// when the job has ended.
    @Test func tagsStillBeingCreatedComeOnceOnTheLastPages() async throws {
        let cloud = try EC2TestCloud(seed: SeedData(userAccounts: 1, vmsPerAccount: 3), jobNanos: 30 * Clock.nanosPerSecond)
        let image = try await InstanceActionTests.imageID(cloud)
        _ = try await cloud.call(
            "RunInstances",
            [
                ("ImageId", image), ("MinCount", "3"), ("MaxCount", "3"), ("TagSpecification.1.ResourceType", "instance"),
                ("TagSpecification.1.Tag.1.Key", "Name"), ("TagSpecification.1.Tag.1.Value", "web"),
                ("TagSpecification.1.Tag.2.Key", "tier"), ("TagSpecification.1.Tag.2.Value", "front"),
            ])
        #expect(!cloud.pipeline.memory.pendingTags.isEmpty(for: cloud.user.apiKey))
        let all = Self.ids(try await cloud.call("DescribeTags"))
        #expect(all.count == 6)
        func walked(_ maxResults: Int, _ filters: [(String, String)] = []) async throws -> [String] {
            var seen: [String] = []
            var token: String?
            var pages = 0
            repeat {
                var parameters = filters + [("MaxResults", String(maxResults))]
                if let token { parameters.append(("NextToken", token)) }
                let page = try await cloud.call("DescribeTags", parameters)
                #expect(Self.ids(page).count <= maxResults)
                seen += Self.ids(page)
                token = page["NextToken"] as? String
                pages += 1
            } while token != nil && pages < 20
            return seen
        }
        for size in [5, 6] {
            let seen = try await walked(size)
            #expect(seen.count == 6 && Set(seen) == Set(all), "MaxResults \(size)")
            // With a `tag:` filter the resources whose tag is still being created come whole.
            let named = try await walked(size, [("Filter.1.Name", "tag:Name"), ("Filter.1.Value.1", "web")])
            #expect(named.count == 6 && Set(named) == Set(all), "MaxResults \(size), tag:Name")
        }
        cloud.clock.advance(seconds: 60)
        let stored = try await cloud.client.listAll(CommandTable.listTags, ["key": "Name"], as: InstanceActionTests.userCredentials(cloud))
        #expect(stored.count == 3)
        for size in [5, 6] {
            let seen = try await walked(size)
            #expect(seen.count == 6 && Set(seen) == Set(all), "MaxResults \(size), jobs ended")
            let named = try await walked(size, [("Filter.1.Name", "tag:Name"), ("Filter.1.Value.1", "web")])
            #expect(named.count == 6 && Set(named) == Set(all), "MaxResults \(size), tag:Name, jobs ended")
        }
    }
}
