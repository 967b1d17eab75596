/// The input of a method on one zonal resource (`zones/{zone}/instances/{instance}`, ...): zone and name.
struct ZonalResourceInput: Sendable {
    /// The zone's GCE name (or numeric id).
    let zone: String
    /// The resource's GCE name (or numeric id).
    let name: String

    /// Reads `zone` and the path parameter `parameter` (`instance`, `disk`, ...).
    init(_ request: MethodRequest, _ parameter: String) throws(GCEError) {
        zone = try request.name("zone")
        name = try request.name(parameter)
    }

    /// A zone and a name already checked (instances.bulkInsert deleting what it made).
    init(zone: String, name: String) {
        self.zone = zone
        self.name = name
    }
}
