import CloudStack

/// Cuts EC2 pages out of CloudStack's own pages, so one page costs the CloudStack pages it reads, not the account.
///
/// The `NextToken` (a `PagePosition` through `PageTokenCodec`: opaque, authenticated, bound to `scope`) holds the
/// index of the next CloudStack row in CloudStack's order (listVirtualMachines orders by id, ascending; the
/// simulator by creation) and the UUID of the last row read. Resuming reads the CloudStack page holding that
/// index and, when rows came or went before it between two requests, finds the last row again in that page (or
/// the one before) so rows neither repeat nor vanish. Rows a filter CloudStack cannot apply thins out are read
/// past; a page stops after `maxCloudStackPages` CloudStack pages and answers what it has with a valid token, as
/// EC2 allows. Only the CloudStack page being read and the page being built are held.
struct CloudStackPager {
    let codec: PageTokenCodec
    /// What must not change between pages: action, caller, filters.
    let scope: String
    /// Rows per CloudStack page (`ClientConfiguration.pageSize`, CloudStack's `default.page.size`).
    let pageSize: Int

    /// The pager of a Describe action for the caller: its token scope is `parts` (action, filters) with the
    /// caller and a mark that keeps these tokens apart from `Pager`'s; CloudStack's page size from the client.
    init(_ context: ActionContext, scope parts: [String]) {
        codec = context.pageTokens
        scope = Pager.scope(parts + ["cloudstack", context.accessKeyID])
        pageSize = max(1, context.client.configuration.pageSize)
    }

    init(codec: PageTokenCodec, scope: String, pageSize: Int) {
        self.codec = codec
        self.scope = scope
        self.pageSize = pageSize
    }

    /// `pushed` with the ids CloudStack should narrow to (`id` for one, `ids` for several).
    static func parameters(_ pushed: Parameters, ids: [EC2ID]) -> Parameters {
        var parameters = pushed
        if ids.count == 1 {
            parameters["id"] = ids[0].cloudStackUUID
        } else if !ids.isEmpty {
            parameters.setList("ids", ids.map(\.cloudStackUUID))
        }
        return parameters
    }

    /// CloudStack pages one EC2 page may read: enough for `maxResults` rows starting inside a page, plus two.
    func maxCloudStackPages(for maxResults: Int) -> Int { maxResults / pageSize + 3 }

    /// The page of at most `maxResults` items after `nextToken`, and the token for the rest (nil at the end).
    ///
    /// `render` turns a run of CloudStack rows into items, one per row in order, nil for a row the request's
    /// filters drop.
    func page<Row: Sendable, Item>(
        _ command: ListCommand<Row>, _ parameters: Parameters, id: (Row) -> String?, maxResults: Int, nextToken: String?,
        in context: ActionContext, errorContext: ErrorContext = .none,
        render: (ArraySlice<Row>) async throws(EC2Error) -> [Item?]
    ) async throws(EC2Error) -> (items: [Item], nextToken: String?) {
        var next = 0
        var after: String?
        if let nextToken, !nextToken.isEmpty {
            let position = try codec.decode(nextToken, scope: scope)
            next = position.offset
            after = position.afterKey
        }
        var items: [Item] = []
        items.reserveCapacity(min(maxResults, pageSize))
        var lastID = after
        var pagesRead = 0
        let bound = maxCloudStackPages(for: maxResults)
        while pagesRead < bound {
            let (number, overflow) = (next / pageSize).addingReportingOverflow(1)
            guard !overflow else { break }
            let fetched = try await context.listPage(command, parameters, page: number, pageSize: pageSize, context: errorContext)
            pagesRead += 1
            var rows = fetched.items[...]
            var start = next - (number - 1) * pageSize
            let base = (number - 1) * pageSize
            if let resumeAfter = after {
                after = nil
                // Rows removed before the position move later rows down: find the last row read again.
                if start > 0, start <= rows.count, id(rows[rows.startIndex + start - 1]) == resumeAfter {
                    // Nothing moved.
                } else if let index = rows.firstIndex(where: { id($0) == resumeAfter }) {
                    start = index - rows.startIndex + 1
                } else if number > 1 {
                    let previous = try await context.listPage(
                        command, parameters, page: number - 1, pageSize: pageSize, context: errorContext)
                    pagesRead += 1
                    if let index = previous.items.firstIndex(where: { id($0) == resumeAfter }) {
                        // The rest of the previous page comes first; this page follows from its start.
                        let tail = previous.items[(index + 1)...]
                        let kept = try await take(tail, render: render, into: &items, limit: maxResults)
                        if let consumed = kept {
                            let row = tail[tail.startIndex + consumed - 1]
                            return (items, token(offset: (number - 2) * pageSize + index + 1 + consumed, lastID: id(row)))
                        }
                        if let row = tail.last { lastID = id(row) }
                        start = 0
                    }
                }
            }
            guard start < rows.count else {
                // Past this page's rows: the list ended (or shrank below the position).
                if rows.count == pageSize, fetched.count.map({ Int64(base + rows.count) < $0 }) ?? false {
                    next = base + rows.count
                    continue
                }
                return (items, nil)
            }
            rows = rows[(rows.startIndex + start)...]
            let consumed = try await take(rows, render: render, into: &items, limit: maxResults)
            if let consumed {
                let row = rows[rows.startIndex + consumed - 1]
                let offset = base + start + consumed
                let more = consumed < rows.count || (fetched.items.count == pageSize && fetched.count.map { Int64(offset) < $0 } ?? true)
                return (items, more ? token(offset: offset, lastID: id(row)) : nil)
            }
            if let row = rows.last { lastID = id(row) }
            next = base + fetched.items.count
            // A short page, or the rows CloudStack counts, ends the list.
            if fetched.items.count < pageSize || fetched.count.map({ Int64(next) >= $0 }) ?? true { return (items, nil) }
        }
        // Bound reached with the page not full: what was found, and where to go on.
        return (items, token(offset: next, lastID: lastID))
    }

    /// Appends the items of `rows` to `items` until `limit`; the number of rows consumed when `limit` was reached
    /// (nil when every row was consumed without reaching it).
    private func take<Row, Item>(
        _ rows: ArraySlice<Row>, render: (ArraySlice<Row>) async throws(EC2Error) -> [Item?], into items: inout [Item], limit: Int
    ) async throws(EC2Error) -> Int? {
        guard !rows.isEmpty else { return nil }
        let rendered = try await render(rows)
        for (index, item) in rendered.enumerated() {
            guard let item else { continue }
            items.append(item)
            if items.count >= limit { return index + 1 }
        }
        return nil
    }

    private func token(offset: Int, lastID: String?) -> String {
        codec.encode(PagePosition(offset: offset, afterKey: lastID), scope: scope)
    }
}

extension ActionContext {
    /// One CloudStack page of a list command (`page` is 1-based).
    func listPage<Item>(
        _ command: ListCommand<Item>, _ parameters: Parameters, page: Int, pageSize: Int, context: ErrorContext = .none
    ) async throws(EC2Error) -> ListPage<Item> {
        do {
            return try await client.listPage(command, parameters, page: page, pageSize: pageSize, as: credentials)
        } catch {
            throw CloudStackErrorMapping.ec2Error(error, context: context)
        }
    }
}
