import CloudStack

/// `CreateTags` [listTags, deleteTags, createTags; on a NIC listResourceDetails, addResourceDetail]:
/// adds or overwrites tags on any taggable resource.
///
/// CloudStack refuses a key a resource already has, so a new value for an existing key deletes the
/// old tag first (EC2 overwrites); a NIC detail set again is replaced, so a NIC needs no delete. The
/// jobs are waited for, so the next Describe shows the tags.
enum CreateTags: EC2Action {
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
    static let name = "CreateTags"

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        guard let requested = input.tags, !requested.isEmpty else { throw EC2Error.missingParameter("Tag") }
        var wanted: [(key: String, value: String)] = []
        for tag in requested {
            try TagMapping.checkKey(tag.key)
            try TagMapping.checkValue(tag.value ?? "")
            // The last value given for a key wins.
            wanted.removeAll { $0.key == tag.key }
            wanted.append((tag.key, tag.value ?? ""))
        }
        guard wanted.count <= TagMapping.perResourceLimit else { throw tagLimit() }
        let resources = try await ResourceTags.resources(input.resourceIds, in: context)

        // Per resource: which keys are new or change value (`replace` holds the stored tags to delete first).
        var plans: [(resource: TaggableResource, replace: [(key: String, value: String)], create: [(key: String, value: String)])] = []
        for resource in resources {
            let existing = try await ResourceTags.stored(on: resource, in: context)
            var replace: [(key: String, value: String)] = []
            var create: [(key: String, value: String)] = []
            for tag in wanted {
                if let old = existing.first(where: { $0.key == tag.key }) {
                    guard old.value != TagMapping.cloudStack(tag.value) else { continue }
                    replace.append(old)
                }
                create.append(tag)
            }
            let userKeys = Set(existing.map(\.key).filter { !InternalTags.isInternal($0) }).union(wanted.map(\.key))
            guard userKeys.count <= TagMapping.perResourceLimit else { throw tagLimit() }
            if resource.isDetails {
                try NicTags.checkCase(wanted, existing: existing)
                replace = []
            }
            plans.append((resource, replace, create))
        }
        for plan in plans {
            try await ResourceTags.delete(plan.replace, from: plan.resource, in: context)
        }
        for plan in plans where plan.resource.isDetails {
            try await NicTags.set(plan.create, on: plan.resource.id.cloudStackUUID, in: context)
        }
        var groups: [(type: String, tags: [(key: String, value: String)], ids: [String])] = []
        for plan in plans where !plan.create.isEmpty && !plan.resource.isDetails {
            let signature = plan.create.map { $0.key + "\u{0}" + $0.value }
            if let index = groups.firstIndex(where: {
                $0.type == plan.resource.cloudStackType && $0.tags.map { $0.key + "\u{0}" + $0.value } == signature
            }) {
                groups[index].ids.append(plan.resource.id.cloudStackUUID)
            } else {
                groups.append((plan.resource.cloudStackType, plan.create, [plan.resource.id.cloudStackUUID]))
            }
        }
        for group in groups {
            try await context.createTags(group.tags, on: group.ids, resourceType: group.type)
        }
        return ReturnView(value: true)
    }

    static func tagLimit() -> EC2Error {
        EC2Error(code: "TagLimitExceeded", message: "The maximum number of Tags for a resource has been reached.")
    }
}
