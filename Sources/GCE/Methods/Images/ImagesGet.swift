import Pipeline

/// `compute.images.get` [listTemplates templatefilter=executable, self]; in a public image project read-only.
enum ImagesGet: GCEMethod {
    static let id = "compute.images.get"
    static let httpMethod = HTTPMethod.get
    static let path = "projects/{project}/global/images/{image}"

    static func decode(_ request: MethodRequest) throws(GCEError) -> NamedInput { try NamedInput(request, "image") }

    static func call(_ input: NamedInput, in context: MethodCall) async throws -> Image {
        context.imageView(try await context.image(input.name, in: context.project), in: context.project)
    }
}
