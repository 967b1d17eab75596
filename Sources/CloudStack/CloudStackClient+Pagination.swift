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

    /// Every row of a list command, paging with `configuration.pageSize`; with `limit`, stops as soon as
    /// that many rows are in hand (and returns exactly `limit` or fewer).
    ///
    /// Stops when the rows collected reach `count` (CloudStack's total) or a page comes back short or empty.
    public func listAll<Item>(
        _ command: ListCommand<Item>, _ parameters: Parameters = Parameters(), limit: Int? = nil,
        as credentials: CloudStackCredentials
    ) async throws(CloudStackError) -> [Item] {
        let pageSize = max(1, configuration.pageSize)
        if let limit, limit <= 0 { return [] }
        var items: [Item] = []
        var page = 1
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
}
