import CloudStack
import CloudStackSimulator
import Foundation
import Testing

@testable import GCE

/// instances.list and aggregatedList page through CloudStack's own pages: a page costs the CloudStack pages it needs.
@Suite("Instance lists cut from CloudStack's pages")
struct InstancePagingTests {
    static let root = "/compute/v1/projects/user1/"

    /// 23 VMs over CloudStack pages of 2: a zone is 6 CloudStack pages, more than a page of one may read.
    static func bridge() throws -> TestBridge {
        var configuration = ClientConfiguration()
        configuration.pageSize = 2
        return try TestBridge(seed: SeedData(userAccounts: 1, vmsPerAccount: 23), clientConfiguration: configuration)
    }

    static let lists = ListWalk(command: "listVirtualMachines", itemsKey: "instances")

    @Test(arguments: [("zones/ZONE/instances", "InstanceList"), ("aggregated/instances", "InstanceAggregatedList")])
    func pagesNeitherRepeatNorLoseAnInstanceWithAFilterCloudStackCannotApply(path: String, schema: String) async throws {
        let bridge = try Self.bridge()
        let token = try await bridge.token()
        let (basic, _, _) = try await NetworkWriteTests.zones(bridge, token)
        let path = path.replacingOccurrences(of: "ZONE", with: basic)
        let validator = SchemaValidator()
        // The whole list, ordered by name: read whole, not from CloudStack's pages (another code path to agree with).
        let (_, whole) = try await bridge.compute(.get, path + "?orderBy=name", token: token)
        let all = Self.lists.names(whole)
        #expect(all.count == (path.hasPrefix("aggregated") ? 23 : 12), "\(all)")
        let filter = "&filter=" + "name eq '[0-9a-f]{8}-.*'".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let (_, filteredWhole) = try await bridge.compute(.get, path + "?orderBy=name" + filter, token: token)
        let expected = Self.lists.names(filteredWhole)
        #expect(!expected.isEmpty && expected.count < all.count)

        for maxResults in [1, 3, 5, 9] {
            let seen = try await Self.lists.walk(
                bridge, token, path, query: filter, maxResults: maxResults, pageSize: 2, schema: schema, validator: validator)
            #expect(seen.count == Set(seen).count, "no instance repeated at \(maxResults)")
            #expect(Set(seen) == Set(expected), "no instance lost at \(maxResults)")
        }
        let unfiltered = try await Self.lists.walk(
            bridge, token, path, query: "", maxResults: 5, pageSize: 2, schema: schema, validator: validator)
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
