/// The input of a method on one regional resource (`regions/{region}/subnetworks/{subnetwork}`).
struct RegionalResourceInput: Sendable {
    /// The region's GCE name (or numeric id).
    let region: String
    /// The resource's GCE name (or numeric id).
    let name: String

    /// Reads `region` and the path parameter `parameter` (`subnetwork`, ...).
    init(_ request: MethodRequest, _ parameter: String) throws(GCEError) {
        region = try request.name("region")
        name = try request.name(parameter)
    }
}
