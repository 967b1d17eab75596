import Pipeline

/// `compute.images.setLabels` [deleteTags, createTags resourcetype=Template]: labels are the template's plain tags.
enum ImagesSetLabels: GCEMethod {
    static let id = "compute.images.setLabels"
    static let httpMethod = HTTPMethod.post
    static let path = "projects/{project}/global/images/{resource}/setLabels"

    static func decode(_ request: MethodRequest) throws(GCEError) -> GlobalSetLabelsInput { try GlobalSetLabelsInput(request) }

    static func call(_ input: GlobalSetLabelsInput, in context: MethodCall) async throws -> Operation {
        let image = try await context.image(input.name)
        let id = image.row.id ?? ""
        let current = MetadataTags.labels(image.row.tags)
        try context.checkFingerprint(input.labelFingerprint, current: Fingerprint.of(pairs: current), what: "label")
        let job = try await context.replaceTags(on: id, type: "Template", oldKeys: current.map(\.key), newTags: input.labels)
        guard let job else { return context.done(.imageSetLabels, target: id, scope: .global, targetName: image.name) }
        return context.started(.imageSetLabels, job: job, target: id, scope: .global, targetName: image.name)
    }
}
