import CloudStack
import CloudStackSimulator
import Foundation
import Testing

@testable import GCE

/// instances.list and aggregatedList page through CloudStack's own pages: a page costs the CloudStack pages it needs.
@Suite("Instance lists cut from CloudStack's pages")
struct InstancePagingTests {
    static let root = "/compute/v1/projects/user1/"

    /// 23 VMs over CloudStack pages of 4.
    static func bridge() throws -> TestBridge {
        var configuration = ClientConfiguration()
        configuration.pageSize = 4
        return try TestBridge(seed: SeedData(userAccounts: 1, vmsPerAccount: 23), clientConfiguration: configuration)
    }

    /// The names on one answer: a list's `items`, or every scope's `instances` of an aggregated list.
    static func names(_ object: [String: Any]) -> [String] {
        if let items = object["items"] as? [[String: Any]] { return items.compactMap { $0["name"] as? String } }
        let scopes = object["items"] as? [String: [String: Any]] ?? [:]
        return scopes.keys.sorted().flatMap { ((scopes[$0]?["instances"] as? [[String: Any]]) ?? []).compactMap { $0["name"] as? String } }
    }

    /// Every page of `path` with `query` at `maxResults`, each checked against the schema and for the CloudStack pages
    /// it read (the walker's bound plus the re-read of the previous page when resuming); the names in order.
    static func walk(
        _ bridge: TestBridge, _ token: String, _ path: String, query: String, maxResults: Int, schema: String, validator: SchemaValidator
    ) async throws -> [String] {
        var seen: [String] = []
        var next: String?
        var pages = 0
        repeat {
            var uri = root + path + "?maxResults=\(maxResults)" + query
            if let next { uri += "&pageToken=" + next }
            bridge.transport.log.reset()
            let response = await bridge.send(.get, uri, token: token)
            #expect(response.status == 200, "\(String(decoding: response.body, as: UTF8.self))")
            validator.add(schema, response.body, label: "\(path) page \(pages)")
            let reads = bridge.transport.log.commands.filter { $0 == "listVirtualMachines" }.count
            #expect(reads >= 1 && reads <= maxResults / 4 + 4, "CloudStack pages read for one page: \(reads)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
            let names = Self.names(object)
            #expect(names.count <= maxResults)
            seen += names
            next = object["nextPageToken"] as? String
            pages += 1
        } while next != nil && pages < 60
        #expect(next == nil)
        return seen
    }

    @Test(arguments: [("zones/ZONE/instances", "InstanceList"), ("aggregated/instances", "InstanceAggregatedList")])
    func pagesNeitherRepeatNorLoseAnInstanceWithAFilterCloudStackCannotApply(path: String, schema: String) async throws {
        let bridge = try Self.bridge()
        let token = try await bridge.token()
        let (basic, _, _) = try await NetworkWriteTests.zones(bridge, token)
        let path = path.replacingOccurrences(of: "ZONE", with: basic)
        let validator = SchemaValidator()
        // The whole list, ordered by name: read whole, not from CloudStack's pages (another code path to agree with).
        let (_, whole) = try await bridge.compute(.get, path + "?orderBy=name", token: token)
        let all = Self.names(whole)
        #expect(all.count == (path.hasPrefix("aggregated") ? 23 : 12), "\(all)")
        let filter = "&filter=" + "name eq '[0-9a-f]{8}-.*'".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let (_, filteredWhole) = try await bridge.compute(.get, path + "?orderBy=name" + filter, token: token)
        let expected = Self.names(filteredWhole)
        #expect(!expected.isEmpty && expected.count < all.count)

        for maxResults in [1, 3, 5, 9] {
            let seen = try await Self.walk(bridge, token, path, query: filter, maxResults: maxResults, schema: schema, validator: validator)
            #expect(seen.count == Set(seen).count, "no instance repeated at \(maxResults)")
            #expect(Set(seen) == Set(expected), "no instance lost at \(maxResults)")
        }
        let unfiltered = try await Self.walk(bridge, token, path, query: "", maxResults: 5, schema: schema, validator: validator)
        #expect(unfiltered.count == all.count && Set(unfiltered) == Set(all))
        #expect(try validator.problems() == [])
    }

    /// A token is bound to its list and filter; one from another filter or zone is the 400 for a bad token.
    @Test func aTokenIsBoundToItsListAndFilter() async throws {
        let bridge = try Self.bridge()
        let token = try await bridge.token()
        let (basic, advanced, _) = try await NetworkWriteTests.zones(bridge, token)
        let (_, first) = try await bridge.compute(.get, "zones/\(basic)/instances?maxResults=2", token: token)
        let next = try #require(first["nextPageToken"] as? String)
        #expect(await bridge.send(.get, Self.root + "zones/\(basic)/instances?maxResults=2&pageToken=\(next)", token: token).status == 200)
        for other in [
            "zones/\(advanced)/instances?maxResults=2", "zones/\(basic)/instances?maxResults=2&filter=status%20eq%20RUNNING",
            "aggregated/instances?maxResults=2",
        ] {
            #expect(await bridge.send(.get, Self.root + other + "&pageToken=\(next)", token: token).status == 400, "\(other)")
        }
    }
}
