import CloudStack

/// `DescribeTags` [listTags; listVirtualMachines and listResourceDetails for network interfaces]: the
/// caller's tags on every taggable resource, filtered by `key`,
/// `value`, `resource-id`, `resource-type` and `tag:<key>`, paged by `MaxResults`/`NextToken`: cut from CloudStack's
/// pages (`DescribeTags+Pages.swift`) unless one resource is named or `tag:` filters name no key (only `tag-value`, or
/// a wildcard `tag-key`), which read the whole list.
///
/// Exact single values are passed to listTags (`key`, `value`, `resourceid`, `resourcetype`); every
/// filter is still applied here. Tags on CloudStack types EC2 has no resource for, and internal
/// gateway tags, are not listed. Network interface tags are read unless the filters rule them out:
/// one listResourceDetails by key and value when both are exact, else one per NIC of the caller.
enum DescribeTags: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let filters: [Filter]?
        let maxResults: Int?
        let nextToken: String?
        enum CodingKeys: String, CodingKey {
            case filters = "Filter"
            case maxResults = "MaxResults"
            case nextToken = "NextToken"
        }
    }

    /// The result.
    struct Output: TemplateModel {
        let tagSet: [TagDescriptionView]
        let nextToken: String?
        static let templateFields: TemplateFields<Self> = ["tagSet": .list(\.tagSet), "nextToken": .optional(\.nextToken)]
    }

    static let name = "DescribeTags"

    static let filterTable = FilterTable<TagDescriptionView>(
        [
            "key": .init(pushdown: true) { [$0.key] },
            "value": .init(pushdown: true) { [$0.value] },
            "resource-id": .init(pushdown: true) { [$0.resourceId] },
            "resource-type": .init(pushdown: true) { [$0.resourceType] },
        ],
        tags: { $0.resourceTags })

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let filters = try FilterSet(input.filters, table: filterTable)
        let maxResults = try MaxResults.validate(input.maxResults)
        var parameters = Parameters()
        // `tag:<key>` filters read the resource's other tags, so then no key or value narrows the list.
        let tagFilters = input.filters?.contains { $0.name.hasPrefix("tag") } == true
        if !tagFilters, let keys = filters.pushdownValues("key"), keys.count == 1 { parameters["key"] = keys[0] }
        if !tagFilters, let values = filters.pushdownValues("value"), values.count == 1 {
            parameters["value"] = TagMapping.cloudStack(values[0])
        }
        if let ids = filters.pushdownValues("resource-id"), ids.count == 1 {
            // An id that names no taggable resource matches nothing.
            guard let resource = try? TaggableResource.parse(ids[0]) else { return Output(tagSet: [], nextToken: nil) }
            parameters["resourceid"] = resource.id.cloudStackUUID
            parameters["resourcetype"] = resource.cloudStackType
        }
        if let types = filters.pushdownValues("resource-type"), types.count == 1 {
            guard let type = TaggableResource.cloudStackType(ec2Type: types[0]) else { return Output(tagSet: [], nextToken: nil) }
            if parameters["resourcetype"] == nil { parameters["resourcetype"] = type }
        }
        // A NIC's tags are its resource details: listTags has none, listResourceDetails the rest.
        let nicsOnly = parameters["resourcetype"] == NicTags.resourceType
        let readsInterfaces = nicsOnly || (parameters["resourcetype"] == nil && mayNameInterfaces(filters))
        // Paged, and not one resource (a short list) nor `tag:` filters that name no key to walk the resources of:
        // pages cut from CloudStack's pages.
        let joined = tagFilters ? joinedTag(filters) : nil
        if CloudStackPager.isPaged(maxResults: maxResults, nextToken: input.nextToken), parameters["resourceid"] == nil,
            !tagFilters || joined != nil
        {
            let query = PageQuery(
                filters: filters, parameters: parameters, readsTags: !nicsOnly, readsInterfaces: readsInterfaces,
                interfaceIDs: filters.pushdownValues("resource-id").map { ids in Set(ids.compactMap(interfaceUUID)) }, joined: joined)
            return try await page(
                query, maxResults: maxResults ?? 1000, nextToken: input.nextToken,
                scope: Pager.scope([name, Pager.describe(input.filters)]),
                in: context)
        }
        var rows = nicsOnly ? [] : try await context.list(CommandTable.listTags, parameters)
        if readsInterfaces {
            var nics = try await NetworkInterfaceLookup.nicIDs(in: context)
            if let id = parameters["resourceid"] { nics = nics.filter { $0 == id } }
            let matching = parameters["key"].flatMap { key in parameters["value"].map { (key: key, value: $0) } }
            rows += try await NicTags.rows(on: nics, matching: matching, in: context)
        }
        rows += pendingRows(parameters, existing: rows, in: context)

        var byResource: [String: [(key: String, value: String)]] = [:]
        var descriptions: [TagDescriptionView] = []
        for row in rows {
            guard let description = description(of: row) else { continue }
            byResource[description.resourceId, default: []].append((description.key, description.value))
            descriptions.append(description)
        }
        // `tag:<key>` filters look at the other tags of the same resource.
        if tagFilters {
            for index in descriptions.indices { descriptions[index].resourceTags = byResource[descriptions[index].resourceId] ?? [] }
        }
        let views = filters.apply(descriptions).sorted { $0.pageKey.utf8.lexicographicallyPrecedes($1.pageKey.utf8) }
        let scope = Pager.scope([name, context.accessKeyID, Pager.describe(input.filters)])
        let page = try Pager(codec: context.pageTokens, scope: scope).page(
            views, key: \.pageKey, maxResults: maxResults, nextToken: input.nextToken)
        return Output(tagSet: page.items, nextToken: page.nextToken)
    }

    /// A listTags row as EC2 shows it: nil for an internal gateway tag or a CloudStack type EC2 has no resource for.
    static func description(of row: Tag) -> TagDescriptionView? {
        guard let key = row.key, !InternalTags.isInternal(key),
            let resource = TaggableResource.ec2(cloudStackType: row.resourcetype, uuid: row.resourceid)
        else { return nil }
        return TagDescriptionView(key: key, resourceId: resource.id, resourceType: resource.type, value: TagMapping.ec2(row.value))
    }

    /// The CloudStack UUID of a network interface id (nil for any other id).
    private static func interfaceUUID(_ id: String) -> String? {
        (try? EC2ID.parse(id, as: .networkInterface))?.cloudStackUUID
    }

    /// Whether the `resource-type` and `resource-id` filters leave room for a network interface.
    private static func mayNameInterfaces(_ filters: FilterSet<TagDescriptionView>) -> Bool {
        if let types = filters.pushdownValues("resource-type"), !types.contains("network-interface") { return false }
        if let ids = filters.pushdownValues("resource-id"), !ids.contains(where: { $0.hasPrefix(ResourceKind.networkInterface.prefix) }) {
            return false
        }
        return true
    }

    /// The caller's pending tags (createTags jobs still running) CloudStack does not list yet, as listTags rows.
    private static func pendingRows(_ parameters: Parameters, existing: [Tag], in context: ActionContext) -> [Tag] {
        context.memory.pendingTags.tags(for: context.accessKeyID).compactMap { entry in
            if let id = parameters["resourceid"], id != entry.resourceID { return nil }
            if let type = parameters["resourcetype"], type != entry.resourceType { return nil }
            guard !existing.contains(where: { $0.resourceid == entry.resourceID && $0.key == entry.key }) else { return nil }
            return entry.row
        }
    }
}
