import CloudStack

/// Cuts EC2 pages out of CloudStack's own pages (`CloudStackPageWalker`), so one page costs the CloudStack pages it
/// reads, not the account.
///
/// The `NextToken` (a `PagePosition` through `PageTokenCodec`: opaque, authenticated, bound to `scope`) holds the
/// walker's position: the index of the next CloudStack row in CloudStack's order (listVirtualMachines orders by
/// id, ascending; the simulator by creation) and the UUID of the last row read. A page stops after
/// `maxCloudStackPages` CloudStack pages and answers what it has with a valid token, as EC2 allows.
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

    /// Whether a Describe request with no ids is paged (`MaxResults` or a non-empty `NextToken`), so its pages are cut
    /// from CloudStack's own pages rather than from the sorted whole list.
    static func isPaged(maxResults: Int?, nextToken: String?) -> Bool {
        maxResults != nil || !(nextToken ?? "").isEmpty
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
    func maxCloudStackPages(for maxResults: Int) -> Int { CloudStackPageWalker(pageSize: pageSize).maxPages(for: maxResults) }

    /// The walker's position a `NextToken` of this pager holds (nil for none or an empty one).
    func position(_ nextToken: String?) throws(EC2Error) -> CloudStackPageWalker.Position? {
        guard let nextToken, !nextToken.isEmpty else { return nil }
        let decoded = try codec.decode(nextToken, scope: scope)
        return CloudStackPageWalker.Position(offset: decoded.offset, lastID: decoded.afterKey, taken: decoded.taken)
    }

    /// The `NextToken` for a walker's position.
    func token(_ position: CloudStackPageWalker.Position) -> String {
        codec.encode(PagePosition(offset: position.offset, afterKey: position.lastID, taken: position.taken), scope: scope)
    }

    /// The page of at most `maxResults` items after `nextToken`, and the token for the rest (nil at the end).
    ///
    /// `render` turns a run of CloudStack rows into items, one per row in order, nil for a row the request's
    /// filters drop.
    func page<Row: Sendable, Item>(
        _ command: ListCommand<Row>, _ parameters: Parameters, id: (Row) -> String?, maxResults: Int, nextToken: String?,
        in context: ActionContext, errorContext: ErrorContext = .none,
        render: (ArraySlice<Row>) async throws(EC2Error) -> [Item?]
    ) async throws(EC2Error) -> (items: [Item], nextToken: String?) {
        let source = Source(command: command, parameters: parameters, pageSize: pageSize, context: context, errorContext: errorContext)
        let (items, next) = try await CloudStackPageWalker(pageSize: pageSize).page(
            from: try position(nextToken), maxResults: maxResults, id: id, fetch: source.fetch, render: render,
            readAhead: source.readAhead)
        return (items, next.map(token))
    }

    /// As `page`, for rows that each yield any number of items (`CloudStackPageWalker.pageOfRuns`): `render` gives one
    /// run of items per row, at most `chunk` rows at a time (or the room left on the page), and a page may end
    /// inside a row's run.
    func pageOfRuns<Row: Sendable, Item>(
        _ command: ListCommand<Row>, _ parameters: Parameters, id: (Row) -> String?, maxResults: Int, chunk: Int,
        nextToken: String?, in context: ActionContext, render: (ArraySlice<Row>) async throws(EC2Error) -> [[Item]]
    ) async throws(EC2Error) -> (items: [Item], nextToken: String?) {
        let source = Source(command: command, parameters: parameters, pageSize: pageSize, context: context, errorContext: .none)
        let (items, next) = try await CloudStackPageWalker(pageSize: pageSize).pageOfRuns(
            from: try position(nextToken), maxResults: maxResults, chunk: chunk, id: id, fetch: source.fetch, render: render,
            readAhead: source.readAhead)
        return (items, next.map(token))
    }

    /// One CloudStack list a walk reads: its pages, and the next one read ahead (decision 0016).
    private struct Source<Row: CloudStackDecodable> {
        let command: ListCommand<Row>
        let parameters: Parameters
        let pageSize: Int
        let context: ActionContext
        let errorContext: ErrorContext

        func fetch(_ number: Int) async throws(EC2Error) -> ListPage<Row> {
            do throws(CloudStackError) {
                return try await context.client.walkPage(command, parameters, page: number, pageSize: pageSize, as: context.credentials)
            } catch {
                throw CloudStackErrorMapping.ec2Error(error, context: errorContext)
            }
        }

        func readAhead(_ number: Int, before: ListPage<Row>?) {
            context.client.readAhead(command, parameters, page: number, before: before, pageSize: pageSize, as: context.credentials)
        }
    }
}
