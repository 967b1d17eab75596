import CloudStackSimulator
import Foundation
import Testing

@testable import GCE

/// Page tokens are opaque, authenticated and bound to caller, method, scope, filter and order; paging through a
/// filter the bridge applies itself (CloudStack cannot) over more rows than one CloudStack page loses nothing.
@Suite struct PageTokenTests {
    /// Every item name of a list, paged with `maxResults`, and the number of pages it took.
    static func pageAll(_ bridge: TestBridge, _ path: String, token: String, query: String) async throws -> ([String], Int) {
        var names: [String] = []
        var pages = 0
        var next: String?
        repeat {
            let separator = path.contains("?") ? "&" : "?"
            let tokenPart = next.map { "&pageToken=\($0)" } ?? ""
            let (status, page) = try await bridge.compute(.get, path + separator + query + tokenPart, token: token)
            #expect(status == 200, "\(page)")
            pages += 1
            if let items = page["items"] as? [[String: Any]] {
                names += items.compactMap { $0["name"] as? String }
            } else if let scopes = page["items"] as? [String: [String: Any]] {
                for scope in scopes.values { names += (scope["instances"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String } }
            }
            next = page["nextPageToken"] as? String
            guard pages < 200 else { throw TestFailure("paging never ended") }
        } while next != nil
        return (names, pages)
    }

    /// The zone names of the caller's project.
    static func zones(_ bridge: TestBridge, token: String) async throws -> [String] {
        let (_, zones) = try await bridge.compute(.get, "zones", token: token)
        return (zones["items"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
    }

    @Test func pagingAFilterCloudStackCannotApplyOverMoreThanOneCloudStackPage() async throws {
        let bridge = try TestBridge(seed: SeedData(userAccounts: 1, vmsPerAccount: 1_200, volumesPerAccount: 0, tagsPerVM: 0))
        let token = try await bridge.token()
        var all: [String] = []
        var matching: [String] = []
        for zone in try await Self.zones(bridge, token: token) {
            let (everything, _) = try await Self.pageAll(bridge, "zones/\(zone)/instances", token: token, query: "maxResults=500")
            all += everything
            // A regular expression on the name: the bridge filters, CloudStack only pages.
            let (filtered, pages) = try await Self.pageAll(
                bridge, "zones/\(zone)/instances", token: token, query: "maxResults=40&filter=name%20eq%20%27.%2A7%27")
            #expect(filtered == everything.filter { $0.hasSuffix("7") })
            #expect(pages == max(1, (filtered.count + 39) / 40))
            matching += filtered
        }
        #expect(all.count == 1_200)
        #expect(Set(all).count == all.count)
        #expect(matching.count == all.filter { $0.hasSuffix("7") }.count)
        #expect(matching.count > 40)
        let (aggregated, _) = try await Self.pageAll(
            bridge, "aggregated/instances", token: token, query: "maxResults=40&filter=name%20eq%20%27.%2A7%27")
        #expect(Set(aggregated) == Set(matching))
        #expect(aggregated.count == matching.count)
    }

    @Test func aTamperedOrForeignPageTokenIsA400() async throws {
        let bridge = try TestBridge(project: "user1")
        let token = try await bridge.token()
        let (_, first) = try await bridge.compute(.get, "zones?maxResults=1", token: token)
        let next = try #require(first["nextPageToken"] as? String)
        #expect(try await bridge.compute(.get, "zones?maxResults=1&pageToken=\(next)", token: token).0 == 200)

        // Every single-character edit is refused, in Google's error shape ("A" and "g" differ in the top bits, which
        // the last character of the token also carries).
        for index in next.indices {
            var edited = Array(next)
            let position = next.distance(from: next.startIndex, to: index)
            edited[position] = edited[position] == "A" ? "g" : "A"
            let (status, body) = try await bridge.compute(.get, "zones?maxResults=1&pageToken=\(String(edited))", token: token)
            #expect(status == 400, "edit at \(position)")
            let error = body["error"] as? [String: Any]
            #expect(error?["code"] as? Int == 400)
            #expect((error?["message"] as? String)?.contains("pageToken") == true)
        }

        // Another method or scope, another filter or order: refused.
        #expect(try await bridge.compute(.get, "regions?maxResults=1&pageToken=\(next)", token: token).0 == 400)
        #expect(try await bridge.compute(.get, "aggregated/instances?maxResults=1&pageToken=\(next)", token: token).0 == 400)
        #expect(try await bridge.compute(.get, "zones?maxResults=1&orderBy=name&pageToken=\(next)", token: token).0 == 400)
        let zones = try await Self.zones(bridge, token: token)
        let zone = try #require(zones.first)
        #expect(try await bridge.compute(.get, "zones/\(zone)/instances?maxResults=1&pageToken=\(next)", token: token).0 == 400)

        // Another caller in the same project: refused, though its own first page pages fine.
        let user2 = try #require(bridge.simulator.credentials.first { $0.account == "user2" })
        let other = try await bridge.pipeline.tokenIssuer.issueToken(apiKey: user2.apiKey, secretKey: user2.secretKey)
        #expect(try await bridge.compute(.get, "zones?maxResults=1&pageToken=\(next)", token: other).0 == 400)
        let (_, theirs) = try await bridge.compute(.get, "zones?maxResults=1", token: other)
        let theirNext = try #require(theirs["nextPageToken"] as? String)
        #expect(theirNext != next)
        #expect(try await bridge.compute(.get, "zones?maxResults=1&pageToken=\(theirNext)", token: other).0 == 200)
        #expect(try await bridge.compute(.get, "zones?maxResults=1&pageToken=\(theirNext)", token: token).0 == 400)
    }
}
