import CloudStack
import Pipeline

/// `compute.images.getFromFamily` [listTemplates]: the newest READY, not deprecated image whose family
/// (OS type, or its placement in a public image project) matches.
enum ImagesGetFromFamily: GCEMethod {
    static let id = "compute.images.getFromFamily"
    static let httpMethod = HTTPMethod.get
    static let path = "projects/{project}/global/images/family/{family}"

    /// The family's name.
    static func decode(_ request: MethodRequest) throws(GCEError) -> String { try request.name("family") }

    static func call(_ family: String, in context: MethodCall) async throws -> Image {
        guard let newest = try await context.newest(family: family, in: context.project) else {
            throw GCEError.notFound("projects/\(context.project)/global/images/family/\(family)")
        }
        return context.imageView(newest, in: context.project)
    }
}
