/// `compute.images.list` [listTemplates templatefilter=executable].
enum ImagesList {
    static let method = Method("compute.images.list", .get, "projects/{project}/global/images") { call in
        let images = try await call.templates().map { Conversions.image($0, links: call.links) }
        return try call.list(
            images, kind: "compute#imageList", collection: "global/images", name: \.name,
            created: \.creationTimestamp)
    }
}
