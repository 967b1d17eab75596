import CloudStack

/// The tags CloudStack holds on one resource (listTags by resource id and type), as stored.
enum ResourceTags {
    /// Every tag on `resource`, internal ones included, values as CloudStack stores them.
    static func stored(on resource: TaggableResource, in context: ActionContext) async throws(EC2Error) -> [(key: String, value: String)] {
        let tags: [Tag]
        if resource.isDetails {
            tags = try await NicTags.rows(on: resource.id.cloudStackUUID, in: context)
        } else {
            let parameters: Parameters = ["resourceid": resource.id.cloudStackUUID, "resourcetype": resource.cloudStackType]
            tags = context.withPendingTags(try await context.list(CommandTable.listTags, parameters), on: resource.id.cloudStackUUID)
        }
        return tags.compactMap { tag in tag.key.map { (key: $0, value: tag.value ?? "") } }
    }

    /// Deletes exactly `tags` (key and stored value) from one resource: deleteTags, or removeResourceDetail per key on a NIC.
    static func delete(_ tags: [(key: String, value: String)], from resource: TaggableResource, in context: ActionContext)
        async throws(EC2Error)
    {
        if resource.isDetails {
            try await NicTags.remove(tags.map(\.key), from: resource.id.cloudStackUUID, in: context)
        } else {
            try await context.deleteTags(tags, on: resource.id.cloudStackUUID, resourceType: resource.cloudStackType)
        }
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
