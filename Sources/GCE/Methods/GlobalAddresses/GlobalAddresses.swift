/// What CloudStack has for GCE's global addresses: nothing. CloudStack public IPs belong to one zone (regional
/// `addresses`), and it has no global load balancers or private service access to take a global one, so the list
/// is empty, every name is 404 and an insert is a 400 that says so (docs/decisions/0013).
enum GlobalAddresses {
    static func notFound(_ name: String, project: String) -> GCEError {
        GCEError.notFound("projects/\(project)/global/addresses/\(name)")
    }

    static let refusal = GCEError.invalid(
        "Invalid value for field 'resource': global addresses are not supported: CloudStack public IPs are zonal; reserve a regional address (regions/{region}/addresses) instead"
    )
}
