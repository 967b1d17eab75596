import CloudStack

/// `compute.images.getFromFamily` [listTemplates]: the newest READY image whose family (OS type) matches.
enum ImagesGetFromFamily {
    static let method = Method("compute.images.getFromFamily", .get, "projects/{project}/global/images/family/{family}") { call in
        let family = try call.parameter("family")
        guard let newest = try await call.newest(family: family) else {
            throw GCEError.notFound("projects/\(call.project)/global/images/family/\(family)")
        }
        return Conversions.image(newest, links: call.links).json
    }
}

extension MethodCall {
    /// The newest ready template of an image family.
    func newest(family: String) async throws(GCEError) -> Named<CloudStack.Template>? {
        try await templates().filter { $0.row.isready == true && Conversions.family($0.row) == family }
            .max { (Timestamps.epoch(fromCloudStack: $0.row.created) ?? 0) < (Timestamps.epoch(fromCloudStack: $1.row.created) ?? 0) }
    }
}
