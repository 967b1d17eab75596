import CloudStack
import Testing

/// A row yielding `items` items, named `id.0`, `id.1`, …
private struct Row: Sendable {
    let id: String
    let items: Int
}

/// `CloudStackPageWalker.pageOfRuns` over a list held here, read in CloudStack pages of `pageSize`.
private final class RunList: @unchecked Sendable {
    var rows: [Row]
    let pageSize: Int
    private(set) var pagesRead = 0
    private(set) var rowsRendered = 0

    init(_ runs: [Int], pageSize: Int) {
        rows = runs.enumerated().map { Row(id: "r\($0.offset)", items: $0.element) }
        self.pageSize = pageSize
    }

    func items(of rows: [Row]) -> [String] { rows.flatMap { row in (0..<row.items).map { "\(row.id).\($0)" } } }

    func page(from position: CloudStackPageWalker.Position?, maxResults: Int, chunk: Int = 2) async -> (
        items: [String], next: CloudStackPageWalker.Position?
    ) {
        let (rows, size) = (self.rows, pageSize)
        return await CloudStackPageWalker(pageSize: size).pageOfRuns(
            from: position, maxResults: maxResults, chunk: chunk, id: \.id,
            fetch: { (number: Int) async -> ListPage<Row> in
                self.pagesRead += 1
                let start = min(rows.count, (number - 1) * size)
                return ListPage(count: Int64(rows.count), items: Array(rows[start..<min(rows.count, start + size)]))
            },
            render: { (slice: ArraySlice<Row>) async -> [[String]] in
                self.rowsRendered += slice.count
                return slice.map { self.items(of: [$0]) }
            })
    }

    /// Every page of `maxResults` from the start, each checked against the bound and the size.
    func walk(maxResults: Int, between: (Int) -> Void = { _ in }) async -> [String] {
        var seen: [String] = []
        var position: CloudStackPageWalker.Position?
        var pages = 0
        repeat {
            let before = pagesRead
            let page = await self.page(from: position, maxResults: maxResults)
            #expect(page.items.count <= maxResults)
            #expect(pagesRead - before <= CloudStackPageWalker(pageSize: pageSize).maxPages(for: maxResults) + 1)
            if page.next != nil, page.items.count < maxResults {
                // Only a page that read its bound of CloudStack pages ends short.
                #expect(pagesRead - before >= CloudStackPageWalker(pageSize: pageSize).maxPages(for: maxResults))
            }
            seen += page.items
            position = page.next
            pages += 1
            between(pages)
        } while position != nil && pages < 200
        #expect(position == nil)
        return seen
    }
}

@Suite struct PageWalkerRunsTests {
    static let runs = [3, 0, 1, 7, 2, 0, 0, 4, 1, 1, 5, 0, 2, 9, 1, 0, 3]

    /// Rows of several items each over CloudStack pages of 4: every item once and in order at every page size, pages
    /// full to `MaxResults` but the last, a row's items split over two pages where the page fills inside it.
    @Test func runsSplitAcrossPagesComeEachOnceInOrder() async {
        for maxResults in [1, 2, 3, 5, 8, 13, 100] {
            let list = RunList(Self.runs, pageSize: 4)
            let expected = list.items(of: list.rows)
            let seen = await list.walk(maxResults: maxResults)
            #expect(seen == expected, "MaxResults \(maxResults)")
        }
    }

    /// A page ending inside a row says how many of its items were given, and the next starts at the next one.
    @Test func aPositionInsideARowCarriesTheItemsGiven() async {
        let list = RunList([2, 7, 1], pageSize: 4)
        let first = await list.page(from: nil, maxResults: 5)
        #expect(first.items == ["r0.0", "r0.1", "r1.0", "r1.1", "r1.2"])
        #expect(first.next == CloudStackPageWalker.Position(offset: 2, lastID: "r1", taken: 3))
        let second = await list.page(from: first.next, maxResults: 5)
        #expect(second.items == ["r1.3", "r1.4", "r1.5", "r1.6", "r2.0"])
        #expect(second.next == nil)
        // A page that ends exactly at a row's end gives it whole.
        let whole = await list.page(from: nil, maxResults: 9)
        #expect(whole.next == CloudStackPageWalker.Position(offset: 2, lastID: "r1", taken: 0))
    }

    /// Rows removed between pages, the row given in part among them: nothing repeats, and what is left comes.
    @Test func rowsRemovedBetweenPagesNeitherRepeatNorVanish() async {
        let list = RunList(Self.runs, pageSize: 4)
        let first = await list.page(from: nil, maxResults: 6)
        #expect(first.items == ["r0.0", "r0.1", "r0.2", "r2.0", "r3.0", "r3.1"])
        // The rows before the one given in part go: the rest of it still comes, once.
        list.rows.removeFirst(3)
        let second = await list.page(from: first.next, maxResults: 6)
        #expect(second.items == ["r3.2", "r3.3", "r3.4", "r3.5", "r3.6", "r4.0"])
        // The row given in part goes: the walk goes on after where it was.
        let third = await list.page(from: second.next, maxResults: 2)
        #expect(third.items == ["r4.1", "r7.0"])
        list.rows.removeAll { $0.id == "r7" }
        let fourth = await list.page(from: third.next, maxResults: 2)
        #expect(fourth.items == ["r8.0", "r9.0"])
    }

    /// Rows whose items cost a call each are rendered a few at a time, not the whole CloudStack page for a short page.
    @Test func rendersOnlyWhatThePageNeeds() async {
        let list = RunList(Array(repeating: 1, count: 40), pageSize: 20)
        let page = await list.page(from: nil, maxResults: 3, chunk: 2)
        #expect(page.items == ["r0.0", "r1.0", "r2.0"])
        #expect(list.rowsRendered == 3)
        // Rows with no items: chunks of `chunk` until the page fills.
        let sparse = RunList([0, 0, 0, 0, 0, 1, 0, 1], pageSize: 20)
        let thin = await sparse.page(from: nil, maxResults: 1, chunk: 2)
        #expect(thin.items == ["r5.0"])
        #expect(sparse.rowsRendered == 6)
    }
}
