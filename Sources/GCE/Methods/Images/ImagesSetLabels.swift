import Pipeline

/// `compute.images.setLabels` [deleteTags, createTags resourcetype=Template]: labels are the template's plain tags.
enum ImagesSetLabels: GCEMethod {
    static let id = "compute.images.setLabels"
    static let httpMethod = HTTPMethod.post
    static let path = "projects/{project}/global/images/{resource}/setLabels"

    static func decode(_ request: MethodRequest) throws(GCEError) -> GlobalSetLabelsInput { try GlobalSetLabelsInput(request) }

    static func call(_ input: GlobalSetLabelsInput, in context: MethodCall) async throws -> Operation {
        let image = try await context.image(input.name)
        return try await context.setLabels(
            input.labels, fingerprint: input.labelFingerprint, currentTags: image.row.tags, on: image.row.id ?? "",
            type: "Template", kind: .imageSetLabels, scope: .global, targetName: image.name)
    }
}
