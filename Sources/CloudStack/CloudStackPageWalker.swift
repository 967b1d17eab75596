/// Cuts a front-end API's pages (EC2 `NextToken`, GCE `pageToken`) out of a CloudStack list's own pages, so one
/// page costs the CloudStack pages it reads, not the whole list.
///
/// A position is the index of the next CloudStack row in CloudStack's order and the UUID of the last row read.
/// Resuming reads the CloudStack page holding that index and, when rows came or went before it between two
/// requests, finds the last row again in that page (or the one before) so rows neither repeat nor vanish; when the
/// last row itself is gone, the walk goes on from the row that moved into its place. Rows
/// the front end's own filters drop are read past; a walk stops after `maxPages(for:)` CloudStack pages and
/// answers what it has with a position to go on from, as both APIs allow (a short page with a token). Only the
/// CloudStack page being read and the page being built are held. Tokens are the front end's: the walker only
/// takes and gives positions.
public struct CloudStackPageWalker: Sendable {
    /// Where a walk resumes: the next row's index in CloudStack's order and the id of the last row read, and, when
    /// that row yields several items (`pageOfRuns`) and the page ended inside it, how many of them were given.
    public struct Position: Sendable, Equatable {
        public let offset: Int
        public let lastID: String?
        /// Items of the row `lastID` already given when not all of them were (0: the row was given whole).
        public let taken: Int

        public init(offset: Int, lastID: String?, taken: Int = 0) {
            self.offset = offset
            self.lastID = lastID
            self.taken = max(0, taken)
        }
    }

    /// How far a run of rows was consumed when the page filled: the rows consumed (the last perhaps in part) and, when
    /// the last was not given whole, how many of its items were given.
    struct Cut {
        let rows: Int
        let taken: Int
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
        try await walk(
            from: position, maxResults: maxResults, id: id, fetch: fetch, readAhead: readAhead
        ) { (rows: ArraySlice<Row>, _: Int, items: inout [Item], limit: Int) async throws(Failure) -> Cut? in
            let rendered = try await render(rows)
            for (index, item) in rendered.enumerated() {
                guard let item else { continue }
                items.append(item)
                if items.count >= limit { return Cut(rows: index + 1, taken: 0) }
            }
            return nil
        }
    }

    /// As `page`, for rows that each yield any number of items (`render` gives one run of items per row, in order):
    /// a page of `maxResults` items may end inside a row's run, and its position then says how many of that row's
    /// items were given, so the next page goes on with the rest of them. `render` is given at most `chunk` rows at a
    /// time, or as many as the page still has room for when that is more, for rows whose items cost a call each.
    public func pageOfRuns<Row: Sendable, Item, Failure: Error>(
        from position: Position?, maxResults: Int, chunk: Int, id: (Row) -> String?,
        fetch: (_ page: Int) async throws(Failure) -> ListPage<Row>,
        render: (ArraySlice<Row>) async throws(Failure) -> [[Item]],
        readAhead: (_ page: Int, _ before: ListPage<Row>?) -> Void = { _, _ in }
    ) async throws(Failure) -> (items: [Item], next: Position?) {
        try await walk(
            from: position, maxResults: maxResults, id: id, fetch: fetch, readAhead: readAhead
        ) { (rows: ArraySlice<Row>, skip: Int, items: inout [Item], limit: Int) async throws(Failure) -> Cut? in
            var start = rows.startIndex
            var skip = skip
            while start < rows.endIndex {
                let count = min(rows.endIndex - start, max(chunk, limit - items.count, 1))
                let runs = try await render(rows[start..<(start + count)])
                for (index, run) in runs.prefix(count).enumerated() {
                    let kept = run.dropFirst(skip)
                    let room = limit - items.count
                    if kept.count >= room {
                        items += kept.prefix(room)
                        let given = skip + room
                        let row = start - rows.startIndex + index + 1
                        return Cut(rows: row, taken: given < run.count ? given : 0)
                    }
                    items += kept
                    skip = 0
                }
                start += count
            }
            return nil
        }
    }

    /// Consumes `rows` into `items` until `limit`, leaving out the first `skip` items of the first row.
    private typealias Take<Row, Item, Failure: Error> = (
        _ rows: ArraySlice<Row>, _ skip: Int, _ items: inout [Item], _ limit: Int
    ) async throws(Failure) -> Cut?

    private func walk<Row: Sendable, Item, Failure: Error>(
        from position: Position?, maxResults: Int, id: (Row) -> String?,
        fetch: (_ page: Int) async throws(Failure) -> ListPage<Row>,
        readAhead: (_ page: Int, _ before: ListPage<Row>?) -> Void,
        take: Take<Row, Item, Failure>
    ) async throws(Failure) -> (items: [Item], next: Position?) {
        var last: (number: Int, page: ListPage<Row>)?
        let result = try await walkPages(
            from: position, maxResults: maxResults, id: id,
            fetch: { (number: Int) async throws(Failure) -> ListPage<Row> in
                let page = try await fetch(number)
                if number > last?.number ?? 0 { last = (number, page) }
                return page
            }, take: take)
        if let next = result.next {
            let (number, overflow) = (next.offset / pageSize).addingReportingOverflow(1)
            if !overflow, number > last?.number ?? 0 { readAhead(number, last?.number == number - 1 ? last?.page : nil) }
        }
        return result
    }

    private func walkPages<Row: Sendable, Item, Failure: Error>(
        from position: Position?, maxResults: Int, id: (Row) -> String?,
        fetch: (_ page: Int) async throws(Failure) -> ListPage<Row>,
        take: Take<Row, Item, Failure>
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
            var skip = 0
            let base = (number - 1) * pageSize
            if let resumeAfter = after {
                after = nil
                // A row given in part is read again, from the items not given yet.
                let partial = position?.taken ?? 0
                // Rows removed before the position move later rows down: find the last row read again.
                if start > 0, start <= rows.count, id(rows[rows.startIndex + start - 1]) == resumeAfter {
                    // Nothing moved.
                    if partial > 0 { (start, skip) = (start - 1, partial) }
                } else if let index = rows.firstIndex(where: { id($0) == resumeAfter }) {
                    start = index - rows.startIndex + (partial > 0 ? 0 : 1)
                    skip = partial
                } else {
                    // Not on this page: on the one before (rows removed before it moved it there), or gone.
                    var previous: ListPage<Row>?
                    if number > 1 {
                        previous = try await fetch(number - 1)
                        pagesRead += 1
                    }
                    var first: Int?
                    var given = 0
                    if let index = previous?.items.firstIndex(where: { id($0) == resumeAfter }) {
                        (first, given) = (index + (partial > 0 ? 0 : 1), partial)
                    } else if start > 0 {
                        // Gone: the row after it moved into its place.
                        start -= 1
                    } else if let count = previous?.items.count, count > 0 {
                        first = count - 1
                    }
                    if let previous, let first {
                        // The rest of the previous page comes first; this page follows from its start.
                        let tail = previous.items[first...]
                        if let cut = try await Self.consume(tail, skip: given, take: take, into: &items, limit: maxResults) {
                            let row = tail[tail.startIndex + cut.rows - 1]
                            return (items, Position(offset: (number - 2) * pageSize + first + cut.rows, lastID: id(row), taken: cut.taken))
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
            if let cut = try await Self.consume(rows, skip: skip, take: take, into: &items, limit: maxResults) {
                let row = rows[rows.startIndex + cut.rows - 1]
                let offset = base + start + cut.rows
                let more =
                    cut.taken > 0 || cut.rows < rows.count
                    || (fetched.items.count == pageSize && fetched.count.map { Int64(offset) < $0 } ?? true)
                return (items, more ? Position(offset: offset, lastID: id(row), taken: cut.taken) : nil)
            }
            if let row = rows.last { lastID = id(row) }
            next = base + fetched.items.count
            // A short page, or the rows CloudStack counts, ends the list.
            if fetched.items.count < pageSize || fetched.count.map({ Int64(next) >= $0 }) ?? true { return (items, nil) }
        }
        // Bound reached with the page not full: what was found, and where to go on.
        return (items, Position(offset: next, lastID: lastID))
    }

    /// `take` over `rows` unless there are none: the cut when `limit` was reached, nil when every row was consumed.
    private static func consume<Row, Item, Failure: Error>(
        _ rows: ArraySlice<Row>, skip: Int, take: Take<Row, Item, Failure>, into items: inout [Item], limit: Int
    ) async throws(Failure) -> Cut? {
        guard !rows.isEmpty else { return nil }
        return try await take(rows, skip, &items, limit)
    }
}
