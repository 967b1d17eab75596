import CloudStack

/// Writing list and aggregated list answers with `ListOptions`.
extension MethodCall {
    /// One page cut from CloudStack's own pages of `command` (`CloudStackPageWalker`): the rows of the CloudStack
    /// pages it needs only, `render` making items of a run of rows (nil for a row that is no item), the filter
    /// applied to each; the next token carries the walk's position, bound like every token. For lists in
    /// CloudStack's order (`ListOptions.followsCloudStackOrder`).
    func walk<Row: Sendable, T: Filterable>(
        _ command: ListCommand<Row>, _ parameters: Parameters, id: (Row) -> String?, options: ListOptions, kind: StaticString,
        collection: String, render: (ArraySlice<Row>) async throws(GCEError) -> [T?]
    ) async throws(GCEError) -> (items: [T], nextPageToken: String?) {
        let binding = pageBinding(kind, collection)
        let start = try options.position(binding).map { CloudStackPageWalker.Position(offset: $0.offset, lastID: $0.lastID) }
        let size = client.configuration.pageSize
        var budget = ListOptions.filterStepBudget
        let (client, credentials) = (self.client, self.credentials)
        let (items, next) = try await CloudStackPageWalker(pageSize: size).page(
            from: start, maxResults: options.maxResults, id: id,
            fetch: { (number: Int) async throws(GCEError) -> ListPage<Row> in
                do throws(CloudStackError) {
                    return try await client.walkPage(command, parameters, page: number, pageSize: size, as: credentials)
                } catch {
                    throw GCEError(error)
                }
            },
            render: { (rows: ArraySlice<Row>) async throws(GCEError) -> [T?] in
                var rendered = try await render(rows)
                for index in rendered.indices {
                    if let item = rendered[index], try !options.keeps(item, budget: &budget) { rendered[index] = nil }
                }
                return rendered
            },
            readAhead: { number, before in
                client.readAhead(command, parameters, page: number, before: before, pageSize: size, as: credentials)
            })
        return (items, next.map { options.token(offset: $0.offset, lastID: $0.lastID, binding) })
    }

    /// A `*List` page of `items` for the collection at `collection` (e.g. `zones/z/instances`).
    func list<T: SchemaObject & Filterable>(
        _ items: [T], options: ListOptions, kind: StaticString, collection: String, name: (T) -> String,
        created: (T) -> String? = { _ in nil }
    ) throws(GCEError) -> ResourceList<T> {
        let (page, next) = try options.page(items, binding: pageBinding(kind, collection), name: name, created: created)
        return ResourceList(
            kind: kind, id: "projects/\(project)/\(collection)", items: page, nextPageToken: next,
            selfLink: links.collection(collection))
    }

    /// An `*AggregatedList` page: items keyed `zones/<zone>`, every zone present (empty ones with a warning).
    func aggregated<T: SchemaObject & Filterable>(
        _ scopes: [(scope: String, items: [T])], options: ListOptions, kind: StaticString, itemsKey: StaticString,
        collection: String, name: (T) -> String
    ) throws(GCEError) -> AggregatedList<T> {
        let flat = scopes.flatMap { scope in scope.items.map { Scoped(scope: scope.scope, item: $0) } }
        let (page, next) = try options.page(
            flat, binding: pageBinding(kind, "aggregated/\(collection)"), name: { name($0.item) })
        let grouped = scopes.map { scope in (scope: scope.scope, items: page.filter { $0.scope == scope.scope }.map(\.item)) }
        return AggregatedList(
            kind: kind, itemsKey: itemsKey, id: "projects/\(project)/aggregated/\(collection)", scopes: grouped,
            nextPageToken: next, selfLink: links.collection("aggregated/\(collection)"))
    }

    /// An `*AggregatedList` answer for a page already cut (`walk`): every scope present, in `scopes` order.
    func aggregatedPage<T: SchemaObject & Filterable>(
        _ page: [Scoped<T>], zones scopes: [String], nextPageToken: String?, kind: StaticString, itemsKey: StaticString,
        collection: String
    ) -> AggregatedList<T> {
        var byScope: [String: [T]] = [:]
        for entry in page { byScope[entry.scope, default: []].append(entry.item) }
        return AggregatedList(
            kind: kind, itemsKey: itemsKey, id: "projects/\(project)/aggregated/\(collection)",
            scopes: scopes.map { (scope: $0, items: byScope[$0] ?? []) }, nextPageToken: nextPageToken,
            selfLink: links.collection("aggregated/\(collection)"))
    }

    /// What this caller's page tokens for `kind` over `collection` are bound to.
    private func pageBinding(_ kind: StaticString, _ collection: String) -> PageToken.Binding {
        PageToken.Binding(tokenKey: configuration.tokenKey, caller: credentials.apiKey, kind: kind, collection: collection)
    }
}
