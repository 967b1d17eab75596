/// The input of a zonal, regional or global operations `list`: its scope and the standard list options.
struct OperationListInput: Sendable {
    let scope: OperationScope
    /// `maxResults`, `pageToken`, `filter`, `orderBy`.
    let options: ListOptions

    init(_ request: MethodRequest) throws(GCEError) {
        scope = try OperationInput.scope(request)
        options = try request.listOptions()
    }
}
