/// Cuts a front-end API's pages (EC2 `NextToken`, GCE `pageToken`) out of a CloudStack list's own pages, so one
/// page costs the CloudStack pages it reads, not the whole list.
///
/// A position is the index of the next CloudStack row in CloudStack's order and the UUID of the last row read.
/// Resuming reads the CloudStack page holding that index and, when rows came or went before it between two
/// requests, finds the last row again in that page (or the one before) so rows neither repeat nor vanish. Rows
/// the front end's own filters drop are read past; a walk stops after `maxPages(for:)` CloudStack pages and
/// answers what it has with a position to go on from, as both APIs allow (a short page with a token). Only the
/// CloudStack page being read and the page being built are held. Tokens are the front end's: the walker only
/// takes and gives positions.
public struct CloudStackPageWalker: Sendable {
    /// Where a walk resumes: the next row's index in CloudStack's order and the id of the last row read.
    public struct Position: Sendable, Equatable {
        public let offset: Int
        public let lastID: String?

        public init(offset: Int, lastID: String?) {
            self.offset = offset
            self.lastID = lastID
        }
    }

    /// Rows per CloudStack page (`ClientConfiguration.pageSize`, CloudStack's `default.page.size`).
    public let pageSize: Int

    public init(pageSize: Int) { self.pageSize = max(1, pageSize) }

    /// CloudStack pages one front-end page may read: enough for `maxResults` rows starting inside a page, plus two.
    public func maxPages(for maxResults: Int) -> Int { maxResults / pageSize + 3 }

    /// The page of at most `maxResults` items from `position` (nil: the start), and the position of the rest (nil
    /// at the end).
    ///
    /// `fetch` reads one CloudStack page (1-based); `render` turns a run of rows into items, one per row in order,
    /// nil for a row the front end's filters drop. When the position of the rest is on a CloudStack page this walk
    /// did not read, `readAhead` is told its number, with the page before it when this walk read that one (the
    /// next request finds its last row there again), so both can be kept while the client reads this page
    /// (`CloudStackClient.readAhead`).
    public func page<Row: Sendable, Item, Failure: Error>(
        from position: Position?, maxResults: Int, id: (Row) -> String?,
        fetch: (_ page: Int) async throws(Failure) -> ListPage<Row>,
        render: (ArraySlice<Row>) async throws(Failure) -> [Item?],
        readAhead: (_ page: Int, _ before: ListPage<Row>?) -> Void = { _, _ in }
    ) async throws(Failure) -> (items: [Item], next: Position?) {
        var last: (number: Int, page: ListPage<Row>)?
        let result = try await walk(
            from: position, maxResults: maxResults, id: id,
            fetch: { (number: Int) async throws(Failure) -> ListPage<Row> in
                let page = try await fetch(number)
                if number > last?.number ?? 0 { last = (number, page) }
                return page
            }, render: render)
        if let next = result.next {
            let (number, overflow) = (next.offset / pageSize).addingReportingOverflow(1)
            if !overflow, number > last?.number ?? 0 { readAhead(number, last?.number == number - 1 ? last?.page : nil) }
        }
        return result
    }

    private func walk<Row: Sendable, Item, Failure: Error>(
        from position: Position?, maxResults: Int, id: (Row) -> String?,
        fetch: (_ page: Int) async throws(Failure) -> ListPage<Row>,
        render: (ArraySlice<Row>) async throws(Failure) -> [Item?]
    ) async throws(Failure) -> (items: [Item], next: Position?) {
        var next = position?.offset ?? 0
        var after = position?.lastID
        var items: [Item] = []
        items.reserveCapacity(min(maxResults, pageSize))
        var lastID = after
        var pagesRead = 0
        let bound = maxPages(for: maxResults)
        while pagesRead < bound {
            let (number, overflow) = (next / pageSize).addingReportingOverflow(1)
            guard !overflow else { break }
            let fetched = try await fetch(number)
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
                    let previous = try await fetch(number - 1)
                    pagesRead += 1
                    if let index = previous.items.firstIndex(where: { id($0) == resumeAfter }) {
                        // The rest of the previous page comes first; this page follows from its start.
                        let tail = previous.items[(index + 1)...]
                        let kept = try await Self.take(tail, render: render, into: &items, limit: maxResults)
                        if let consumed = kept {
                            let row = tail[tail.startIndex + consumed - 1]
                            return (items, Position(offset: (number - 2) * pageSize + index + 1 + consumed, lastID: id(row)))
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
            let consumed = try await Self.take(rows, render: render, into: &items, limit: maxResults)
            if let consumed {
                let row = rows[rows.startIndex + consumed - 1]
                let offset = base + start + consumed
                let more = consumed < rows.count || (fetched.items.count == pageSize && fetched.count.map { Int64(offset) < $0 } ?? true)
                return (items, more ? Position(offset: offset, lastID: id(row)) : nil)
            }
            if let row = rows.last { lastID = id(row) }
            next = base + fetched.items.count
            // A short page, or the rows CloudStack counts, ends the list.
            if fetched.items.count < pageSize || fetched.count.map({ Int64(next) >= $0 }) ?? true { return (items, nil) }
        }
        // Bound reached with the page not full: what was found, and where to go on.
        return (items, Position(offset: next, lastID: lastID))
    }

    /// Appends the items of `rows` to `items` until `limit`; the number of rows consumed when `limit` was reached
    /// (nil when every row was consumed without reaching it).
    private static func take<Row, Item, Failure: Error>(
        _ rows: ArraySlice<Row>, render: (ArraySlice<Row>) async throws(Failure) -> [Item?], into items: inout [Item], limit: Int
    ) async throws(Failure) -> Int? {
        guard !rows.isEmpty else { return nil }
        let rendered = try await render(rows)
        for (index, item) in rendered.enumerated() {
            guard let item else { continue }
            items.append(item)
            if items.count >= limit { return index + 1 }
        }
        return nil
    }
}
