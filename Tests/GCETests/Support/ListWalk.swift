import Foundation
import Testing

/// Walks every page of a GCE list through a `TestBridge`, checking each page against the discovery schema and for
/// the CloudStack pages it read, as the issue 16 paging tests do for each list cut from CloudStack's pages.
struct ListWalk {
    static let root = "/compute/v1/projects/user1/"

    /// The CloudStack list command the GCE list pages through, and the key of an aggregated list's scope items.
    let command: String
    let itemsKey: String

    /// The names on one answer: a list's `items`, or every scope's items of an aggregated list.
    func names(_ object: [String: Any]) -> [String] {
        if let items = object["items"] as? [[String: Any]] { return items.compactMap { $0["name"] as? String } }
        let scopes = object["items"] as? [String: [String: Any]] ?? [:]
        return scopes.keys.sorted().flatMap { ((scopes[$0]?[itemsKey] as? [[String: Any]]) ?? []).compactMap { $0["name"] as? String } }
    }

    /// Every page of `path` with `query` at `maxResults`, each checked against `schema` and for the CloudStack pages
    /// of `command` it read (at most the walker's bound, with CloudStack pages of `pageSize`); the names in order. A
    /// page may read none (it can take the CloudStack page the previous one ended on, or the next one read ahead:
    /// decision 0016), so only the whole walk must have read at least one.
    func walk(
        _ bridge: TestBridge, _ token: String, _ path: String, query: String, maxResults: Int, pageSize: Int, schema: String,
        validator: SchemaValidator
    ) async throws -> [String] {
        var seen: [String] = []
        var next: String?
        var pages = 0
        var total = 0
        repeat {
            var uri = Self.root + path + "?maxResults=\(maxResults)" + query
            if let next { uri += "&pageToken=" + next }
            bridge.transport.log.reset()
            let response = await bridge.send(.get, uri, token: token)
            #expect(response.status == 200, "\(String(decoding: response.body, as: UTF8.self))")
            validator.add(schema, response.body, label: "\(path) page \(pages)")
            let reads = bridge.transport.log.commands.filter { $0 == command }.count
            total += reads
            #expect(reads <= maxResults / pageSize + 4, "CloudStack \(command) pages read for one page: \(reads)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
            let names = names(object)
            #expect(names.count <= maxResults)
            seen += names
            next = object["nextPageToken"] as? String
            pages += 1
        } while next != nil && pages < 60
        #expect(next == nil)
        #expect(total >= 1, "the walk read CloudStack")
        return seen
    }
}
