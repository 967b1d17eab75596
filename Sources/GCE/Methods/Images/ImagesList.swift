import Pipeline

/// `compute.images.list` [listTemplates templatefilter=executable, self]; in a public image project read-only.
enum ImagesList: GCEMethod {
    static let id = "compute.images.list"
    static let httpMethod = HTTPMethod.get
    static let path = "projects/{project}/global/images"

    static func decode(_ request: MethodRequest) throws(GCEError) -> ListInput { try ListInput(request) }

    static func call(_ input: ListInput, in context: MethodCall) async throws -> ResourceList<Image> {
        let images = try await context.images(in: context.project).map { context.imageView($0, in: context.project) }
        return try context.list(
            images, options: input.options, kind: "compute#imageList", collection: "global/images", name: \.name,
            created: \.creationTimestamp)
    }
}
