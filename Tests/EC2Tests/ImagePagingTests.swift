import CloudStack
import CloudStackSimulator
import Testing

@testable import EC2

/// DescribeImages with MaxResults pages through listTemplates' own pages (issue #16): a page costs the CloudStack
/// pages it needs though the images are a union of templatefilter lists, each template listed once.
@Suite struct ImagePagingTests {
    static func ids(_ parsed: [String: Any]) -> [String] {
        ImageActionTests.images(parsed).compactMap { $0["ImageId"] as? String }
    }

    /// Every page of DescribeImages with `parameters` at `maxResults`, each reading at most what two lists and the
    /// look-ups for the second one's rows may (reading every list whole takes several times that); the ids in order.
    static func walk(_ cloud: EC2TestCloud, _ counter: CommandCounter, _ parameters: [(String, String)], maxResults: Int)
        async throws -> [String]
    {
        var walk = CloudStackPageWalk(
            cloud: cloud, counter: counter, action: "DescribeImages", command: "listTemplates", pageSize: 2, ids: Self.ids)
        walk.bound = { 3 * ($0 / 2 + 3) }
        return try await walk.walk(parameters, maxResults: maxResults)
    }

    /// Two featured templates in every zone, 5 of the caller's images ready (so executable) and 4 still downloading
    /// (only in the caller's `self` list), all registered for every zone (one CloudStack row per zone each), over
    /// CloudStack pages of 2.
    @Test func pagesOfTheUnionNeitherRepeatNorLoseAnImage() async throws {
        var configuration = ClientConfiguration()
        configuration.pageSize = 2
        let counter = CommandCounter()
        let cloud = try EC2TestCloud(seed: .empty, clientConfiguration: configuration, counter: counter)
        var odd: Set<String> = []
        func register(_ index: Int) async throws {
            let made = try await cloud.call(
                "RegisterImage",
                [
                    ("Name", "image-\(index)"), ("ImageLocation", "https://images.example.org/\(index).qcow2"),
                    ("Description", index % 2 == 1 ? "odd" : "even"),
                ])
            if index % 2 == 1 { odd.insert(try #require(made["ImageId"] as? String)) }
        }
        for index in 0..<5 { try await register(index) }
        cloud.clock.advance(seconds: 30)
        let ready = Self.ids(try await cloud.call("DescribeImages", [("Filter.1.Name", "state"), ("Filter.1.Value.1", "available")]))
        for index in 5..<9 { try await register(index) }

        let everything = Self.ids(try await cloud.call("DescribeImages"))
        #expect(everything.count == 11 && Set(everything).count == 11, "\(everything)")
        #expect(ready.count == 7, "the featured two and the first five are available: \(ready)")
        let filter = [("Filter.1.Name", "description"), ("Filter.1.Value.1", "odd")]
        for maxResults in [5, 6] {
            let all = try await Self.walk(cloud, counter, [], maxResults: maxResults)
            #expect(all.count == Set(all).count && Set(all) == Set(everything), "at \(maxResults): \(all)")
            let filtered = try await Self.walk(cloud, counter, filter, maxResults: maxResults)
            #expect(filtered.count == Set(filtered).count && Set(filtered) == odd, "at \(maxResults): \(filtered)")
        }
        // Owners: each list once, in the union's order; amazon's are the featured templates only.
        let mine = Self.ids(try await cloud.call("DescribeImages", [("Owner.1", "self")]))
        let amazon = Self.ids(try await cloud.call("DescribeImages", [("Owner.1", "amazon")]))
        #expect(mine.count == 9 && amazon.count == 2)
        let both = try await Self.walk(cloud, counter, [("Owner.1", "amazon"), ("Owner.2", "self"), ("Owner.3", "amazon")], maxResults: 5)
        #expect(both.count == 11 && Set(both) == Set(mine + amazon), "\(both)")
        let amazonPaged = try await Self.walk(cloud, counter, [("Owner.1", "amazon")], maxResults: 5)
        #expect(amazonPaged.count == 2 && Set(amazonPaged) == Set(amazon))

        // A token is bound to its query: another filter or owner refuses it.
        let first = try await cloud.call("DescribeImages", [("MaxResults", "5")])
        let token = try #require(first["NextToken"] as? String)
        for other in [filter, [("Owner.1", "self")]] {
            let moved = await cloud.send("DescribeImages", other + [("MaxResults", "5"), ("NextToken", token)])
            #expect(String(decoding: moved.body, as: UTF8.self).contains("InvalidNextToken"), "\(other)")
        }
    }
}
