import CloudStack

extension MethodCall {
    /// The local region if `wanted` names it (GCE name or numeric id), else 404 [listRegions].
    func region(_ wanted: String) async throws(GCEError) -> Named<CloudStack.Region> {
        let region = try await localRegion()
        guard wanted == region.name || wanted == String(ResourceID.of("region/\(region.row.id ?? 0)")) else {
            throw GCEError.notFound("projects/\(project)/regions/\(wanted)")
        }
        return region
    }
}
