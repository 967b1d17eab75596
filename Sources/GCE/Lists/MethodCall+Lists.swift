/// Writing list and aggregated list answers with `ListOptions`.
extension MethodCall {
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

    /// What this caller's page tokens for `kind` over `collection` are bound to.
    private func pageBinding(_ kind: StaticString, _ collection: String) -> PageToken.Binding {
        PageToken.Binding(tokenKey: configuration.tokenKey, caller: credentials.apiKey, kind: kind, collection: collection)
    }
}
