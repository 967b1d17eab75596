import CloudStack
import Pipeline

/// `compute.images.getFromFamily` [listTemplates]: the newest READY image whose family (OS type) matches.
enum ImagesGetFromFamily: GCEMethod {
    static let id = "compute.images.getFromFamily"
    static let httpMethod = HTTPMethod.get
    static let path = "projects/{project}/global/images/family/{family}"

    /// The family's name.
    static func decode(_ request: MethodRequest) throws(GCEError) -> String { try request.name("family") }

    static func call(_ family: String, in context: MethodCall) async throws -> Image {
        guard let newest = try await context.newest(family: family) else {
            throw GCEError.notFound("projects/\(context.project)/global/images/family/\(family)")
        }
        return Conversions.image(newest, links: context.links)
    }
}

extension MethodCall {
    /// The newest ready template of an image family.
    func newest(family: String) async throws(GCEError) -> Named<CloudStack.Template>? {
        try await templates().filter { $0.row.isready == true && Conversions.family($0.row) == family }
            .max { (Timestamps.epoch(fromCloudStack: $0.row.created) ?? 0) < (Timestamps.epoch(fromCloudStack: $1.row.created) ?? 0) }
    }
}
