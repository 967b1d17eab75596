import Pipeline

/// `compute.imageFamilyViews.get` [listZones, listTemplates]: the newest READY, not deprecated image of a family,
/// in the caller's project or a public image project; templates are cross-zone here, so the zone is only checked.
enum ImageFamilyViewsGet: GCEMethod {
    static let id = "compute.imageFamilyViews.get"
    static let httpMethod = HTTPMethod.get
    static let path = "projects/{project}/zones/{zone}/imageFamilyViews/{family}"

    static func decode(_ request: MethodRequest) throws(GCEError) -> ZonalResourceInput { try ZonalResourceInput(request, "family") }

    static func call(_ input: ZonalResourceInput, in context: MethodCall) async throws -> ImageFamilyView {
        _ = try await context.zone(input.zone)
        guard let newest = try await context.newest(family: input.name, in: context.project) else {
            throw GCEError.notFound("projects/\(context.project)/zones/\(input.zone)/imageFamilyViews/\(input.name)")
        }
        return ImageFamilyView(image: context.imageView(newest, in: context.project))
    }
}
