extension CloudStackClient {
    /// One page of a list command (`page` is 1-based), for EC2 NextToken / GCE pageToken paging.
    public func listPage<Item>(
        _ command: ListCommand<Item>, _ parameters: Parameters = Parameters(), page: Int, pageSize: Int,
        as credentials: CloudStackCredentials
    ) async throws(CloudStackError) -> ListPage<Item> {
        var paged = parameters
        paged["page"] = String(page)
        paged["pagesize"] = String(pageSize)
        return try await call(command, paged, as: credentials)
    }

    /// One CloudStack page of a front-end page walk: the one read ahead for this caller, command, parameters and page
    /// when it is still good (`PageReadAhead`), else read now.
    public func walkPage<Item>(
        _ command: ListCommand<Item>, _ parameters: Parameters, page: Int, pageSize: Int, as credentials: CloudStackCredentials
    ) async throws(CloudStackError) -> ListPage<Item> {
        // Most walks are one page (the 10-VM lists): no key is built while nothing is held.
        if !readAheads.isEmpty {
            let key = PageReadAhead.key(command.descriptor.name, parameters, page: page, pageSize: pageSize, apiKey: credentials.apiKey)
            if let held = await readAheads.take(key) as? ListPage<Item> { return held }
        }
        return try await listPage(command, parameters, page: page, pageSize: pageSize, as: credentials)
    }

    /// Starts reading a page of a walk in the background, for the walk's next request (`walkPage` takes it), and keeps
    /// `before` (the page before it, which the walk read) for that request too.
    public func readAhead<Item>(
        _ command: ListCommand<Item>, _ parameters: Parameters, page: Int, before: ListPage<Item>? = nil, pageSize: Int,
        as credentials: CloudStackCredentials
    ) {
        let name = command.descriptor.name
        if let before, page > 1 {
            readAheads.keep(PageReadAhead.key(name, parameters, page: page - 1, pageSize: pageSize, apiKey: credentials.apiKey), before)
        }
        let key = PageReadAhead.key(name, parameters, page: page, pageSize: pageSize, apiKey: credentials.apiKey)
        let client = self
        // One call of a non-throwing function (docs/notes/swift-release-pitfalls.md).
        readAheads.start(key) { await client.pageOrNil(command, parameters, page: page, pageSize: pageSize, as: credentials) }
    }

    /// A page, or nil when it could not be read (the walk then reads it itself and meets the error).
    private func pageOrNil<Item>(
        _ command: ListCommand<Item>, _ parameters: Parameters, page: Int, pageSize: Int, as credentials: CloudStackCredentials
    ) async -> (any Sendable)? {
        switch await numberedPage(command, parameters, page: page, pageSize: pageSize, as: credentials).1 {
        case .success(let read): return read
        case .failure: return nil
        }
    }

    /// Every row of a list command, paging with `configuration.pageSize`; with `limit`, stops as soon as
    /// that many rows are in hand (and returns exactly `limit` or fewer).
    ///
    /// Stops when the rows collected reach `count` (CloudStack's total) or a page comes back short or empty.
    ///
    /// Without `limit`, once the first page's `count` says more pages follow, up to `configuration.pageConcurrency`
    /// of them are read at once and joined in page order; a last page still full then reads on one at a time (rows
    /// added meanwhile), as a sequential walk would.
    public func listAll<Item>(
        _ command: ListCommand<Item>, _ parameters: Parameters = Parameters(), limit: Int? = nil,
        as credentials: CloudStackCredentials
    ) async throws(CloudStackError) -> [Item] {
        let pageSize = max(1, configuration.pageSize)
        if let limit, limit <= 0 { return [] }
        var items: [Item] = []
        var page = 1
        if limit == nil, configuration.pageConcurrency > 1 {
            let first = try await listPage(command, parameters, page: 1, pageSize: pageSize, as: credentials)
            items = first.items
            guard first.items.count == pageSize, let total = first.count, Int64(pageSize) < total else { return items }
            // Pages 2...last by the count, bounded; the quotient of two positive Int64s fits once capped.
            let last = Int(min((total - 1) / Int64(pageSize) + 1, Int64(configuration.maxPages)))
            guard last >= 2 else { return items }
            let (rest, lastTotal) = try await pages(
                2...last, of: command, parameters, pageSize: pageSize, concurrency: configuration.pageConcurrency,
                as: credentials)
            items.reserveCapacity(items.count + rest.reduce(0) { $0 + $1.count })
            for rows in rest { items.append(contentsOf: rows) }
            // The last page full and CloudStack counting more rows than read: some came meanwhile, read on.
            guard let lastTotal, Int64(items.count) < lastTotal else { return items }
            page = last + 1
        }
        while page <= configuration.maxPages {
            let result = try await listPage(command, parameters, page: page, pageSize: pageSize, as: credentials)
            // The first page is taken as it is: appending it to an empty array copied every row
            // (CloudStack models of dozens of fields) instead of sharing the page's buffer.
            if items.isEmpty { items = result.items } else { items.append(contentsOf: result.items) }
            if let limit, items.count >= limit {
                items.removeLast(items.count - limit)
                return items
            }
            if result.items.count < pageSize { break }
            if let total = result.count, items.count >= total { break }
            page += 1
        }
        return items
    }

    /// One page with its number, its failure as a value. A child task calls only this: a typed `do`/`catch` returning
    /// the tuple inside the child closure came out of a release build with a garbage page number
    /// (docs/notes/swift-release-pitfalls.md).
    private func numberedPage<Item>(
        _ command: ListCommand<Item>, _ parameters: Parameters, page: Int, pageSize: Int, as credentials: CloudStackCredentials
    ) async -> (Int, Result<ListPage<Item>, CloudStackError>) {
        do {
            return (page, .success(try await listPage(command, parameters, page: page, pageSize: pageSize, as: credentials)))
        } catch {
            return (page, .failure(error))
        }
    }

    /// The rows of `numbers`' pages in page order, read `concurrency` at a time, and the last page's `count` when it
    /// was full (nil after a short page: the list ended there, and pages after it are dropped).
    private func pages<Item>(
        _ numbers: ClosedRange<Int>, of command: ListCommand<Item>, _ parameters: Parameters, pageSize: Int, concurrency: Int,
        as credentials: CloudStackCredentials
    ) async throws(CloudStackError) -> (rows: [[Item]], lastTotal: Int64?) {
        let answers = await withTaskGroup(of: (Int, Result<ListPage<Item>, CloudStackError>).self) { group in
            var answers: [(Int, Result<ListPage<Item>, CloudStackError>)] = []
            var failed = false
            var next = numbers.lowerBound
            while next <= numbers.upperBound {
                if next - numbers.lowerBound >= concurrency {
                    // `concurrency` in flight: take one answer before asking for the next page.
                    guard let answer = await group.next() else { break }
                    answers.append(answer)
                    if case .failure = answer.1 {
                        failed = true
                        break
                    }
                }
                let number = next
                next += 1
                group.addTask { await self.numberedPage(command, parameters, page: number, pageSize: pageSize, as: credentials) }
            }
            if failed { group.cancelAll() }
            for await answer in group { answers.append(answer) }
            return answers
        }
        var read: [Int: ListPage<Item>] = [:]
        var failure: CloudStackError?
        for (number, result) in answers {
            switch result {
            case .success(let page): read[number] = page
            case .failure(let error): failure = failure ?? error
            }
        }
        if let failure { throw failure }
        var rows: [[Item]] = []
        rows.reserveCapacity(numbers.count)
        var lastTotal: Int64?
        for number in numbers {
            guard let page = read[number] else { return (rows, nil) }
            rows.append(page.items)
            guard page.items.count == pageSize else { return (rows, nil) }
            lastTotal = page.count
        }
        return (rows, lastTotal)
    }
}
