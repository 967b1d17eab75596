/// The input of a project-wide or aggregated list: the standard list options.
struct ListInput: Sendable {
    /// `maxResults`, `pageToken`, `filter`, `orderBy`.
    let options: ListOptions

    init(_ request: MethodRequest) throws(GCEError) {
        options = try request.listOptions()
    }
}
