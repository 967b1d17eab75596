/// `compute.images.get` [listTemplates templatefilter=executable].
enum ImagesGet {
    static let method = Method("compute.images.get", .get, "projects/{project}/global/images/{image}") { call in
        Conversions.image(try await call.image(try call.parameter("image")), links: call.links).json
    }
}
