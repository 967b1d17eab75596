import CloudStack
import CloudStackSimulator
import Testing

/// Walks every `MaxResults` page of a Describe action over CloudStack's own pages (`CloudStackPager`), checking
/// each page's size and that it read at most `maxResults / pageSize + 4` pages of `command` from CloudStack
/// (the pager's bound plus the re-read of the previous page when resuming). A page may read none: it can take the
/// CloudStack page the previous one ended on, or the next one read ahead (decision 0016), so only the whole walk
/// must have read at least one.
struct CloudStackPageWalk {
    let cloud: EC2TestCloud
    let counter: CommandCounter
    let action: String
    /// The CloudStack list command the action pages through.
    let command: String
    let pageSize: Int
    /// The ids of one answer's items, in order.
    let ids: ([String: Any]) -> [String]
    /// Most calls of `command` one page of `maxResults` may make (default: the pager's bound plus the re-read of the
    /// previous page, `maxResults / pageSize + 4`).
    var bound: ((_ maxResults: Int) -> Int)? = nil

    /// Every id of every page, in order; expects the walk to end with no `NextToken` within 50 pages.
    func walk(_ parameters: [(String, String)], maxResults: Int) async throws -> [String] {
        var seen: [String] = []
        var token: String?
        var pages = 0
        let start = counter.count(command)
        repeat {
            let before = counter.count(command)
            var request = parameters + [("MaxResults", String(maxResults))]
            if let token { request.append(("NextToken", token)) }
            let page = try await cloud.call(action, request)
            let calls = counter.count(command) - before
            #expect(calls <= bound?(maxResults) ?? maxResults / pageSize + 3 + 1, "CloudStack pages read for one EC2 page: \(calls)")
            let rows = ids(page)
            #expect(rows.count <= maxResults)
            seen += rows
            token = page["NextToken"] as? String
            pages += 1
        } while token != nil && pages < 50
        #expect(token == nil)
        #expect(counter.count(command) > start, "the walk read CloudStack")
        return seen
    }

    /// Walks with each of `sizes` as `MaxResults`, expecting every one of `expected` exactly once.
    func expectEachOnce(_ parameters: [(String, String)], expected: [String], sizes: [Int] = [5, 6, 9]) async throws {
        for maxResults in sizes {
            let seen = try await walk(parameters, maxResults: maxResults)
            #expect(seen.count == Set(seen).count, "none repeated at MaxResults \(maxResults)")
            #expect(Set(seen) == Set(expected), "none lost at MaxResults \(maxResults)")
        }
    }
}

extension EC2TestCloud {
    /// One account with `vms` VMs, its client reading CloudStack pages of `pageSize` and counting commands in `counter`.
    static func paged(vms: Int, pageSize: Int = 4, counter: CommandCounter) throws -> EC2TestCloud {
        var configuration = ClientConfiguration()
        configuration.pageSize = pageSize
        return try EC2TestCloud(
            seed: SeedData(userAccounts: 1, vmsPerAccount: vms), clientConfiguration: configuration, counter: counter)
    }
}
