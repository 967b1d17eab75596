import CloudStack

/// Reads templates as images: deduplicated across zones (CloudStack lists one row per zone).
enum ImageLookup {
    /// Templates under `filter` (`executable`, `self`, `featured`, ...), one row per id.
    static func templates(filter: String, extra: Parameters = Parameters(), in context: ActionContext, errorContext: ErrorContext = .none)
        async throws(EC2Error) -> [Template]
    {
        var parameters = extra
        parameters["templatefilter"] = filter
        var seen: Set<String> = []
        return try await context.list(CommandTable.listTemplates, parameters, context: errorContext).filter { template in
            guard let id = template.id else { return false }
            return seen.insert(id).inserted
        }
    }

    /// The one template an image id names (any the caller can see), or `InvalidAMIID.NotFound`.
    static func require(_ imageID: String, in context: ActionContext) async throws(EC2Error) -> (id: EC2ID, template: Template) {
        let id = try EC2ID.parse(imageID, as: .image)
        let errorContext = ErrorContext.ids(.image, [imageID])
        for filter in ["self", "executable"] {
            if let template = try await templates(filter: filter, extra: ["id": id.cloudStackUUID], in: context, errorContext: errorContext)
                .first
            {
                return (id, template)
            }
        }
        throw EC2Error.notFound(.image, ids: [imageID])
    }
}
