/// The subnetworks methods' `views` query parameter: only `DEFAULT`, as CloudStack reports no IP utilisation.
enum SubnetworkViews {
    static func check(_ request: MethodRequest) throws(GCEError) {
        guard let views = request.query["views"], !views.isEmpty, views != "DEFAULT" else { return }
        guard views == "WITH_UTILIZATION" else {
            throw GCEError.invalid("Invalid value for field 'views': '\(views.prefix(64))'. Must be DEFAULT or WITH_UTILIZATION.")
        }
        throw GCEError.invalid(
            "Invalid value for field 'views': 'WITH_UTILIZATION' is not supported: CloudStack reports no IP utilisation.")
    }
}
