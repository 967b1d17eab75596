/// The input of a zonal list (`zones/{zone}/instances`, ...): the zone and the standard list options.
struct ZonalListInput: Sendable {
    /// The zone's GCE name (or numeric id).
    let zone: String
    /// `maxResults`, `pageToken`, `filter`, `orderBy`.
    let options: ListOptions

    init(_ request: MethodRequest) throws(GCEError) {
        zone = try request.name("zone")
        options = try request.listOptions()
    }
}
