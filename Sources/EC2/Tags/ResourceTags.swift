import CloudStack

/// The tags CloudStack holds on one resource (listTags by resource id and type), as stored.
enum ResourceTags {
    /// Every tag on `resource`, internal ones included, values as CloudStack stores them.
    static func stored(on resource: TaggableResource, in context: ActionContext) async throws(EC2Error) -> [(key: String, value: String)] {
        let parameters: Parameters = ["resourceid": resource.id.cloudStackUUID, "resourcetype": resource.cloudStackType]
        let rows = try await context.list(CommandTable.listTags, parameters)
        let tags = context.withPendingTags(rows, on: resource.id.cloudStackUUID)
        return tags.compactMap { tag in tag.key.map { (key: $0, value: tag.value ?? "") } }
    }

    /// Parses `ResourceId.N` (at least one, at most `limit`), each checked to exist for the caller.
    static func resources(_ ids: [String]?, limit: Int = 100, in context: ActionContext) async throws(EC2Error) -> [TaggableResource] {
        guard let ids, !ids.isEmpty else { throw EC2Error.missingParameter("ResourceId") }
        guard ids.count <= limit else {
            throw EC2Error.invalidParameterValue("At most \(limit) resource ids can be tagged in one request (got \(ids.count)).")
        }
        var resources: [TaggableResource] = []
        for id in ids {
            let resource = try TaggableResource.parse(id)
            if !resources.contains(resource) { resources.append(resource) }
        }
        for resource in resources { try await resource.require(in: context) }
        return resources
    }
}
