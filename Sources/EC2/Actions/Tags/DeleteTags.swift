import CloudStack

/// `DeleteTags` [listTags, deleteTags; on a NIC listResourceDetails, removeResourceDetail]: by key (any value), by key and value (an empty value matches
/// only an empty value), or every tag of the resources when no `Tag` is given; internal tags stay.
///
/// CloudStack's deleteTags compares keys and values ignoring case, so the exact matches are chosen
/// here and deleted by key and stored value. Deleting a tag that is not there succeeds, as on EC2.
enum DeleteTags: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let resourceIds: [String]?
        let tags: [TagSpecification.Tag]?
        enum CodingKeys: String, CodingKey {
            case resourceIds = "ResourceId"
            case tags = "Tag"
        }
    }

    typealias Output = ReturnView
    static let name = "DeleteTags"

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        for tag in input.tags ?? [] {
            try TagMapping.checkKey(tag.key)
            if let value = tag.value { try TagMapping.checkValue(value) }
        }
        let resources = try await ResourceTags.resources(input.resourceIds, in: context)
        for resource in resources {
            let existing = try await ResourceTags.stored(on: resource, in: context).filter { !InternalTags.isInternal($0.key) }
            let doomed = existing.filter { stored in
                guard let tags = input.tags, !tags.isEmpty else { return true }
                return tags.contains { tag in
                    tag.key == stored.key && (tag.value.map { TagMapping.cloudStack($0) == stored.value } ?? true)
                }
            }
            try await ResourceTags.delete(doomed, from: resource, in: context)
        }
        return ReturnView(value: true)
    }
}
