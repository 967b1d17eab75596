import Foundation
import Pipeline
import Testing

@testable import GCE

/// Issue #11 (4, 5, 6) and the systematic bounds: GCE input that used to crash or pin the loop is a 400.
@Suite struct HostileListInputTests {
    @Test func filtersNestedPastTheLimitAreRefusedNotRecursedInto() {
        let deep = String(repeating: "(", count: 2000) + "name = x" + String(repeating: ")", count: 2000)
        #expect(throws: GCEError.invalid("Invalid value for field 'filter': parentheses nested deeper than 32")) {
            try ListFilter(deep)
        }
    }

    @Test func filtersAtTheLimitStillWork() throws {
        let zone = Zone(id: 1, name: "x", description: nil, status: "UP", region: "r", selfLink: "s")
        let nested = String(repeating: "(", count: 32) + "name = x" + String(repeating: ")", count: 32)
        #expect(try ListFilter(nested).matches(zone))
        let long = Array(repeating: "name = x", count: 5000).joined(separator: " AND ")
        #expect(try ListFilter(long).matches(zone), "a long flat conjunction is an array, not a deep tree")
    }

    @Test func unsupportedRegexSyntaxIsA400NamingTheFilter() throws {
        // Inside quotes the filter tokenizer reads a backslash as an escape, so the regex `(a)\1` is written `(a)\\1`.
        for pattern in ["(a)\\\\1", "(?=x)", "(?<!x)y"] {
            do {
                _ = try ListFilter("name eq '\(pattern)'")
                Issue.record("\(pattern) was accepted")
            } catch {
                #expect(error.status == 400)
                #expect(error.message.hasPrefix("Invalid value for field 'filter': invalid regular expression"), "\(error.message)")
            }
        }
    }

    @Test func theIssuesReproductionAnswersThroughThePipeline() async throws {
        let bridge = try TestBridge()
        let token = try await bridge.token()
        let (_, zones) = try await bridge.compute(.get, "zones", token: token)
        let zone = try #require((zones["items"] as? [[String: Any]])?.first?["name"] as? String)
        let (status, body) = try await bridge.compute(.get, "zones/\(zone)/instances?filter=zone+eq+%27(.%2B)%2Bx%27", token: token)
        #expect(status == 200, "\(body)")
        let (deepStatus, deepBody) = try await bridge.compute(
            .get, "zones?filter=" + String(repeating: "%28", count: 2000) + "name+%3D+x" + String(repeating: "%29", count: 2000),
            token: token)
        #expect(deepStatus == 400)
        let message = (deepBody["error"] as? [String: Any])?["message"] as? String
        #expect(message?.contains("field 'filter'") == true, "\(deepBody)")
        let prefix = String(zone.prefix(3))
        let (listed, none) = try await bridge.compute(.get, "zones?filter=name+eq+%27\(prefix)%27", token: token)
        #expect(listed == 200)
        #expect(none["items"] == nil, "full match: '\(prefix)' alone does not match '\(zone)'")
        let (_, matched) = try await bridge.compute(.get, "zones?filter=name+eq+%27(%3Fi)\(prefix.uppercased()).*%27", token: token)
        let names = (matched["items"] as? [[String: Any]])?.compactMap { $0["name"] as? String } ?? []
        #expect(names.contains(zone), "\(matched)")
    }

    @Test func aFilterThatWouldSpendTheWholeBudgetIsA400() throws {
        let items = (0..<50).map {
            Zone(id: $0, name: String(repeating: "a", count: 4000), description: nil, status: "UP", region: "r", selfLink: "s")
        }
        let binding = PageToken.Binding(tokenKey: TestBridge.tokenKey, caller: "k", kind: "compute#zoneList", collection: "zones")
        let options = try ListOptions(FormFields(Array("filter=name+eq+%27(.*){1,100}z%27".utf8)))
        #expect(throws: GCEError.self) { try options.page(items, binding: binding, name: \.name) }
        let cheap = try ListOptions(FormFields(Array("filter=name+eq+%27a*%27".utf8)))
        #expect(try cheap.page(items, binding: binding, name: \.name).0.count == 50)
    }

    /// Issue #11 (5): `exp - iat` trapped for `iat: -1, exp: Int64.max`.
    static let lifetimes: [(iat: Int64, exp: Int64, ok: Bool)] = [
        (-1, .max, false), (.min, .max, false), (.min, 1_000, false), (.max, .max, false), (1_000, 4_600, true),
        (1_000, 4_601, false), (1_300, 1_600, true), (1_301, 1_600, false),
    ]

    @Test(arguments: lifetimes)
    func jwtLifetimesAreCheckedWithoutOverflow(iat: Int64, exp: Int64, ok: Bool) {
        #expect(JWTBearer.isShortLived(iat: iat, exp: exp, now: 1_000) == ok)
        #expect(!JWTBearer.isShortLived(iat: iat, exp: exp, now: Int64.max))
    }

    @Test func fieldSelectionsDeeperThanTheLimitAreRefused() throws {
        #expect(throws: GCEError.self) {
            try FieldSelection(String(repeating: "a(", count: 5000) + "b" + String(repeating: ")", count: 5000))
        }
        #expect(throws: GCEError.self) { try FieldSelection(Array(repeating: "a", count: 40).joined(separator: "/")) }
        _ = try FieldSelection(Array(repeating: "a", count: 32).joined(separator: "/"))
        _ = try FieldSelection("kind,items(name,status),nextPageToken")
    }
}
