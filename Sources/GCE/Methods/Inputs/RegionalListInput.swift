/// The input of a regional list (`regions/{region}/subnetworks`): the region and the standard list options.
struct RegionalListInput: Sendable {
    /// The region's GCE name (or numeric id).
    let region: String
    /// `maxResults`, `pageToken`, `filter`, `orderBy`.
    let options: ListOptions

    init(_ request: MethodRequest) throws(GCEError) {
        region = try request.name("region")
        options = try request.listOptions()
    }
}
