import CloudStack
import CloudStackSimulator
import Foundation
import Pipeline
import Testing

@testable import EC2

/// CreateTags, DeleteTags and DescribeTags over the simulator, every answer parsed by botocore.
@Suite struct TagActionTests {
    /// The error code of an EC2 error answer, or nil for a success.
    static func code(_ response: Response) -> String? {
        let body = String(decoding: response.body, as: UTF8.self)
        guard response.status != 200, let start = body.range(of: "<Code>"), let end = body.range(of: "</Code>") else { return nil }
        return String(body[start.upperBound..<end.lowerBound])
    }

    /// `Tag.N.Key`/`Tag.N.Value` parameters (a nil value sends no `Value`).
    static func tagParameters(_ tags: [(String, String?)], resources: [String]) -> [(String, String)] {
        var parameters: [(String, String)] = []
        for (index, id) in resources.enumerated() { parameters.append(("ResourceId.\(index + 1)", id)) }
        for (index, tag) in tags.enumerated() {
            parameters.append(("Tag.\(index + 1).Key", tag.0))
            if let value = tag.1 { parameters.append(("Tag.\(index + 1).Value", value)) }
        }
        return parameters
    }

    /// DescribeTags as `[resourceId/key: value]`, through botocore.
    static func described(_ cloud: EC2TestCloud, _ filters: [(String, [String])] = []) async throws -> [String: String] {
        var parameters: [(String, String)] = []
        for (index, filter) in filters.enumerated() {
            parameters.append(("Filter.\(index + 1).Name", filter.0))
            for (v, value) in filter.1.enumerated() { parameters.append(("Filter.\(index + 1).Value.\(v + 1)", value)) }
        }
        let response = await cloud.send("DescribeTags", parameters)
        let checked = try BotocoreResponseChecker.check([("DescribeTags", response)])[0]
        #expect(checked.unknown.isEmpty && checked.missing.isEmpty, "\(checked.unknown) \(checked.missing)")
        var result: [String: String] = [:]
        for tag in checked.parsed["Tags"] as? [[String: Any]] ?? [] {
            let id = tag["ResourceId"] as? String ?? "", key = tag["Key"] as? String ?? ""
            result[id + "/" + key] = tag["Value"] as? String
            #expect(
                tag["ResourceType"] as? String
                    == (id.hasPrefix("i-")
                        ? "instance" : id.hasPrefix("vol-") ? "volume" : id.hasPrefix("ami-") ? "image" : "security-group"))
        }
        return result
    }

    /// A botocore `Tags` list as `key=value` strings.
    static func pairs(_ tags: Any?) -> Set<String> {
        var result: Set<String> = []
        for tag in tags as? [[String: Any]] ?? [] {
            let key = tag["Key"] as? String ?? "", value = tag["Value"] as? String ?? ""
            result.insert(key + "=" + value)
        }
        return result
    }

    static func seededInstance(_ cloud: EC2TestCloud) async throws -> [String: Any] {
        try #require(InstanceActionTests.instances(try await cloud.call("DescribeInstances")).first)
    }

    @Test func createDescribeOverwriteAndDeleteAcrossResourceTypes() async throws {
        let cloud = try EC2TestCloud(seed: SeedData(userAccounts: 2, vmsPerAccount: 1))
        let instance = try await Self.seededInstance(cloud)
        let vm = try #require(instance["InstanceId"] as? String)
        let volume = try #require(
            ((instance["BlockDeviceMappings"] as? [[String: Any]])?.first?["Ebs"] as? [String: Any])?["VolumeId"] as? String)
        let image = try #require(
            try await cloud.call("RegisterImage", [("Name", "tagged"), ("ImageLocation", "http://images.example.org/t.qcow2")])["ImageId"]
                as? String)
        var resources = [vm, volume, image]
        if let group = (instance["SecurityGroups"] as? [[String: Any]])?.first?["GroupId"] as? String { resources.append(group) }

        let special = "<&>\"' ünï ✓ 🚀"
        let created = await cloud.send(
            "CreateTags",
            Self.tagParameters([("Name", "web"), ("k" + special, "v" + special), ("empty", ""), ("novalue", nil)], resources: resources))
        #expect(created.status == 200, "\(String(decoding: created.body, as: UTF8.self))")
        var tags = try await Self.described(cloud)
        for id in resources {
            #expect(tags[id + "/Name"] == "web")
            #expect(tags[id + "/k" + special] == "v" + special)
            #expect(tags[id + "/empty"] == "")
            #expect(tags[id + "/novalue"] == "")
        }
        #expect(tags.keys.allSatisfy { !$0.contains("stackbridge:") })
        // CloudStack holds the empty values under the gateway's stand-in, never as empty strings.
        let stored = try await cloud.client.listAll(
            CommandTable.listTags, ["resourceid": EC2ID.uuid(of: vm)], as: InstanceActionTests.userCredentials(cloud))
        #expect(stored.first { $0.key == "empty" }?.value == TagMapping.emptyValue)

        // Every Describe with a tagSet shows them, and filters on them.
        let instances = InstanceActionTests.instances(
            try await cloud.call("DescribeInstances", [("Filter.1.Name", "tag:k" + special), ("Filter.1.Value.1", "v" + special)]))
        #expect(instances.count == 1)
        let tagSet = Self.pairs(instances.first?["Tags"])
        #expect(tagSet == ["Name=web", "k\(special)=v\(special)", "empty=", "novalue="])
        let images = ImageActionTests.images(
            try await cloud.call("DescribeImages", [("Filter.1.Name", "tag-key"), ("Filter.1.Value.1", "novalue")]))
        #expect(images.map { $0["ImageId"] as? String } == [image])

        // Overwriting a key replaces its value (CloudStack refuses a second tag with the key).
        #expect(await cloud.send("CreateTags", Self.tagParameters([("Name", "db")], resources: [vm, volume])).status == 200)
        tags = try await Self.described(cloud, [("key", ["Name"])])
        var expected: [String: String] = [vm + "/Name": "db", volume + "/Name": "db"]
        for id in resources.dropFirst(2) { expected[id + "/Name"] = "web" }
        #expect(tags == expected)

        // DescribeTags filters.
        #expect(try await Self.described(cloud, [("resource-id", [vm]), ("value", ["db"])]) == [vm + "/Name": "db"])
        #expect(try await Self.described(cloud, [("resource-type", ["volume"]), ("key", ["empty", "novalue"])]).count == 2)
        #expect(try await Self.described(cloud, [("resource-type", ["image"]), ("value", ["w*"])]) == [image + "/Name": "web"])
        #expect(try await Self.described(cloud, [("tag:Name", ["db"]), ("key", ["empty"])]) == [vm + "/empty": "", volume + "/empty": ""])
        #expect(try await Self.described(cloud, [("resource-id", ["i-0123456789abcdef0"])]).isEmpty)
        #expect(try await Self.described(cloud, [("resource-type", ["natgateway"])]).isEmpty)

        // DeleteTags: a wrong value deletes nothing; an empty value matches only an empty value; no value any value.
        let deletes: [[(String, String?)]] = [[("Name", "web")], [("empty", ""), ("novalue", "x")], [("k" + special, nil)]]
        for tags in deletes { #expect(await cloud.send("DeleteTags", Self.tagParameters(tags, resources: [vm])).status == 200) }
        #expect(try await Self.described(cloud, [("resource-id", [vm])]) == [vm + "/Name": "db", vm + "/novalue": ""])
        // Deleting what is not there succeeds.
        #expect(await cloud.send("DeleteTags", Self.tagParameters([("absent", nil)], resources: [vm])).status == 200)
        // No Tag: every user tag goes; the gateway's reservation tag stays.
        #expect(await cloud.send("DeleteTags", [("ResourceId.1", vm)]).status == 200)
        #expect(try await Self.described(cloud, [("resource-id", [vm])]).isEmpty)
        let left = try await cloud.client.listAll(
            CommandTable.listTags, ["resourceid": EC2ID.uuid(of: vm)], as: InstanceActionTests.userCredentials(cloud))
        #expect(left.allSatisfy { ($0.key ?? "").hasPrefix(InternalTags.prefix) })
    }

    @Test func refusesWhatEC2Refuses() async throws {
        let cloud = try EC2TestCloud(seed: SeedData(userAccounts: 2, vmsPerAccount: 1))
        let vm = try #require(try await Self.seededInstance(cloud)["InstanceId"] as? String)
        let theirs = try #require(
            InstanceActionTests.instances(try await cloud.call("DescribeInstances", as: cloud.other)).first?["InstanceId"] as? String)
        let cases: [(String, [(String, String)], String)] = [
            ("CreateTags", Self.tagParameters([("a", "b")], resources: ["bogus"]), "InvalidID"),
            ("CreateTags", Self.tagParameters([("a", "b")], resources: ["i-zz"]), "InvalidInstanceID.Malformed"),
            (
                "CreateTags", Self.tagParameters([("a", "b")], resources: ["i-" + String(repeating: "0", count: 32)]),
                "InvalidInstanceID.NotFound"
            ),
            (
                "CreateTags", Self.tagParameters([("a", "b")], resources: ["vol-" + String(repeating: "0", count: 32)]),
                "InvalidVolume.NotFound"
            ),
            ("CreateTags", Self.tagParameters([("a", "b")], resources: [theirs]), "InvalidInstanceID.NotFound"),
            ("CreateTags", Self.tagParameters([("a", "b")], resources: ["key-0123"]), "UnsupportedOperation"),
            ("CreateTags", Self.tagParameters([("a", "b")], resources: []), "MissingParameter"),
            ("CreateTags", Self.tagParameters([], resources: [vm]), "MissingParameter"),
            ("CreateTags", Self.tagParameters([("aws:x", "b")], resources: [vm]), "InvalidParameterValue"),
            ("CreateTags", Self.tagParameters([("stackbridge:reservation-id", "r-1")], resources: [vm]), "InvalidParameterValue"),
            ("CreateTags", Self.tagParameters([("", "b")], resources: [vm]), "InvalidParameterValue"),
            ("CreateTags", Self.tagParameters([(String(repeating: "k", count: 129), "b")], resources: [vm]), "InvalidParameterValue"),
            ("CreateTags", Self.tagParameters([("a", String(repeating: "v", count: 257))], resources: [vm]), "InvalidParameterValue"),
            ("CreateTags", Self.tagParameters([("a", TagMapping.emptyValue)], resources: [vm]), "InvalidParameterValue"),
            ("CreateTags", Self.tagParameters((0...50).map { ("k\($0)", "v") }, resources: [vm]), "TagLimitExceeded"),
            ("DeleteTags", Self.tagParameters([("stackbridge:reservation-id", nil)], resources: [vm]), "InvalidParameterValue"),
            ("DeleteTags", Self.tagParameters([("aws:x", nil)], resources: [vm]), "InvalidParameterValue"),
            ("DeleteTags", Self.tagParameters([("a", nil)], resources: ["bogus"]), "InvalidID"),
            ("DeleteTags", Self.tagParameters([("a", nil)], resources: [theirs]), "InvalidInstanceID.NotFound"),
            ("DescribeTags", [("Filter.1.Name", "owner"), ("Filter.1.Value.1", "x")], "InvalidParameterValue"),
            ("DescribeTags", [("MaxResults", "2")], "InvalidParameterValue"),
            ("DescribeTags", [("NextToken", "garbage")], "InvalidNextToken"),
        ]
        for (action, parameters, expected) in cases {
            let response = await cloud.send(action, parameters)
            #expect(Self.code(response) == expected, "\(action) \(parameters.prefix(3)): \(String(decoding: response.body, as: UTF8.self))")
        }
        // 50 tags fit; the 51st on the same resource is over EC2's limit.
        #expect(await cloud.send("CreateTags", Self.tagParameters((1...50).map { ("k\($0)", "v") }, resources: [vm])).status == 200)
        #expect(Self.code(await cloud.send("CreateTags", Self.tagParameters([("one-more", "v")], resources: [vm]))) == "TagLimitExceeded")
        // Overwriting one of the 50 is no new tag.
        #expect(await cloud.send("CreateTags", Self.tagParameters([("k1", "w")], resources: [vm])).status == 200)
        // DryRun checks the input first, then answers DryRunOperation without tagging.
        let dry = await cloud.send("CreateTags", Self.tagParameters([("dry", "run")], resources: [vm]) + [("DryRun", "true")])
        #expect(Self.code(dry) == "DryRunOperation")
        #expect(try await Self.described(cloud, [("key", ["dry"])]).isEmpty)
    }

    @Test func describeTagsPagesWithMaxResultsAndNextToken() async throws {
        let cloud = try EC2TestCloud(seed: SeedData(userAccounts: 1, vmsPerAccount: 2))
        let ids = InstanceActionTests.instances(try await cloud.call("DescribeInstances")).compactMap { $0["InstanceId"] as? String }
        #expect(ids.count == 2)
        #expect(await cloud.send("CreateTags", Self.tagParameters((1...6).map { ("k\($0)", "v\($0)") }, resources: ids)).status == 200)
        var seen: [String] = []
        var token: String?
        var pages = 0
        repeat {
            let page = try await cloud.call("DescribeTags", [("MaxResults", "5")] + (token.map { [("NextToken", $0)] } ?? []))
            let items = page["Tags"] as? [[String: Any]] ?? []
            #expect(items.count <= 5)
            seen += items.map { ($0["ResourceId"] as? String ?? "") + "/" + ($0["Key"] as? String ?? "") }
            token = page["NextToken"] as? String
            pages += 1
        } while token != nil && pages < 10
        #expect(pages == 3)
        #expect(seen.count == 12 && Set(seen).count == 12)
        // A token is bound to its filters.
        let first = try await cloud.call("DescribeTags", [("MaxResults", "5")])
        let other = await cloud.send(
            "DescribeTags",
            [("MaxResults", "5"), ("NextToken", first["NextToken"] as? String ?? ""), ("Filter.1.Name", "key"), ("Filter.1.Value.1", "k1")])
        #expect(Self.code(other) == "InvalidNextToken")
    }

    /// The defect: RunInstances' TagSpecification tags must show in its answer and the very
    /// next DescribeInstances although CloudStack's createTags job is still running.
    @Test func runInstancesTagsShowBeforeTheTagJobEnds() async throws {
        // Jobs take longer than the gateway waits for a tag job.
        let cloud = try EC2TestCloud(seed: .empty, jobNanos: 30 * Clock.nanosPerSecond)
        let image = try await InstanceActionTests.imageID(cloud)
        let started = cloud.clock.epochSeconds
        let run = try await cloud.call(
            "RunInstances",
            [
                ("ImageId", image), ("MinCount", "2"), ("MaxCount", "2"), ("TagSpecification.1.ResourceType", "instance"),
                ("TagSpecification.1.Tag.1.Key", "Name"), ("TagSpecification.1.Tag.1.Value", "web & <db>"),
                ("TagSpecification.1.Tag.2.Key", "empty"),
            ])
        let launched = (run["Instances"] as? [[String: Any]] ?? [])
        #expect(launched.count == 2)
        let waited = cloud.clock.epochSeconds - started
        #expect(waited >= 10 && waited < 30, "waited \(waited) s for the tag job")
        let stored = try await cloud.client.listAll(CommandTable.listTags, ["key": "Name"], as: InstanceActionTests.userCredentials(cloud))
        #expect(stored.isEmpty, "the tag job is still running")
        for instance in launched {
            #expect(Self.pairs(instance["Tags"]) == ["Name=web & <db>", "empty="])
        }
        func described() async throws -> [[String: Any]] {
            let described = try await cloud.call("DescribeInstances", [("Filter.1.Name", "tag:Name"), ("Filter.1.Value.1", "web & <db>")])
            let reservations = described["Reservations"] as? [[String: Any]] ?? []
            #expect(reservations.count == 1, "both instances in one reservation")
            #expect(reservations.first?["ReservationId"] as? String == run["ReservationId"] as? String)
            return InstanceActionTests.instances(described)
        }
        #expect(try await described().count == 2)
        #expect(try await Self.described(cloud, [("key", ["Name"])]).count == 2)

        // Once the job ended CloudStack lists the tags itself, each once.
        cloud.clock.advance(seconds: 60)
        let after = try await cloud.client.listAll(CommandTable.listTags, ["key": "Name"], as: InstanceActionTests.userCredentials(cloud))
        #expect(after.count == 2)
        let instances = try await described()
        #expect(instances.allSatisfy { ($0["Tags"] as? [[String: Any]])?.count == 2 })
        #expect(try await Self.described(cloud, [("key", ["Name"])]).count == 2)
    }

    /// CreateTags waits for its jobs (within the bound), so CloudStack has the tags when it answers.
    @Test func createTagsAnswersOnceCloudStackHasTheTags() async throws {
        let cloud = try EC2TestCloud(seed: SeedData(userAccounts: 1, vmsPerAccount: 1), jobNanos: 3 * Clock.nanosPerSecond)
        let vm = try #require(try await Self.seededInstance(cloud)["InstanceId"] as? String)
        #expect(await cloud.send("CreateTags", Self.tagParameters([("a", "1")], resources: [vm])).status == 200)
        #expect(await cloud.send("CreateTags", Self.tagParameters([("a", "2"), ("b", "3")], resources: [vm])).status == 200)
        let stored = try await cloud.client.listAll(
            CommandTable.listTags, ["resourceid": EC2ID.uuid(of: vm)], as: InstanceActionTests.userCredentials(cloud))
        var user: Set<String> = []
        for tag in stored where !(tag.key ?? "").hasPrefix(InternalTags.prefix) { user.insert((tag.key ?? "") + "=" + (tag.value ?? "")) }
        #expect(user == ["a=2", "b=3"])
        #expect(cloud.pipeline.memory.pendingTags.tags(for: cloud.user.apiKey).isEmpty)
    }

    /// libcloud numbers list members from 0 (`ResourceId.0`, `Tag.0.Key`); EC2 takes them.
    @Test func listMembersNumberedFromZero() async throws {
        let cloud = try EC2TestCloud(seed: SeedData(userAccounts: 1, vmsPerAccount: 1))
        let vm = try #require(try await Self.seededInstance(cloud)["InstanceId"] as? String)
        let created = await cloud.send(
            "CreateTags", [("ResourceId.0", vm), ("Tag.0.Key", "zero"), ("Tag.0.Value", "0"), ("Tag.1.Key", "one"), ("Tag.1.Value", "1")])
        #expect(created.status == 200)
        #expect(try await Self.described(cloud, [("resource-id", [vm])]) == [vm + "/zero": "0", vm + "/one": "1"])
    }
}
