import CloudStack

/// `DescribeTags` with `MaxResults`/`NextToken`: pages cut from CloudStack's own pages (`PhasedPager`), so a page
/// costs the CloudStack pages it reads, not every tag of the account (issue 16).
///
/// The tags are three lists one after the other: listTags' rows (the pushed-down key, value, resource id and type
/// narrow it, the other filters are applied to each row); the network interfaces' tags, walking listVirtualMachines'
/// pages and reading the details of the NICs of the page's VMs only (one listResourceDetails each, a few at a time,
/// or one by key and value for the whole page when both are exact), a VM's tags perhaps spanning two pages; and the
/// caller's tags whose createTags job was still running (`PendingTags`), each checked against what CloudStack now
/// lists for its resource, cut by offset. With `tag:` filters the first list is the resources the first of them
/// names (listTags by its key and value), each row standing for every tag of its resource. A page ends short with a
/// token when its bound of CloudStack pages is read. Pages come in CloudStack's order, not sorted as the unpaginated
/// answer is.
extension DescribeTags {
    /// What every list of a paged request is read and filtered with.
    struct PageQuery: Sendable {
        let filters: FilterSet<TagDescriptionView>
        /// The exact `key`, `value`, `resourceid` and `resourcetype` listTags is given.
        let parameters: Parameters
        /// Whether listTags is read (not when only network interfaces can match).
        let readsTags: Bool
        /// Whether network interfaces' tags are read.
        let readsInterfaces: Bool
        /// The only NICs whose tags can match (the exact `resource-id` values), nil for any.
        let interfaceIDs: Set<String>?
        /// With `tag:` filters, the tag whose resources are walked (`joinedTag(_:)`): each of their tags is then
        /// checked with the resource's other tags.
        let joined: JoinedTag?
    }

    /// The resources a `tag:` filter names: those with a tag of `key` (of `value`, EC2's form, when one exact value is
    /// given), one listTags row each.
    struct JoinedTag: Sendable {
        let key: String
        let value: String?
    }

    /// The tag the first `tag:<key>` filter (or one exact `tag-key`) names, nil when none does.
    static func joinedTag(_ filters: FilterSet<TagDescriptionView>) -> JoinedTag? {
        for filter in filters.compiled {
            let exact = filter.patterns.compactMap(\.exactValue)
            if filter.name.hasPrefix("tag:") {
                return JoinedTag(
                    key: String(filter.name.dropFirst(4)), value: exact.count == 1 && filter.patterns.count == 1 ? exact[0] : nil)
            }
            if filter.name == "tag-key", filter.patterns.count == 1, exact.count == 1 { return JoinedTag(key: exact[0], value: nil) }
        }
        return nil
    }

    private enum Phase {
        static let tags = 0, interfaces = 1, pending = 2
    }

    /// The page of at most `maxResults` tags after `nextToken`, and the token for the rest.
    static func page(
        _ query: PageQuery, maxResults: Int, nextToken: String?, scope: String, in context: ActionContext
    ) async throws(EC2Error) -> Output {
        let phased = PhasedPager(scope: scope, phases: 3, in: context)
        var (phase, token) = try phased.resume(nextToken)
        var items: [TagDescriptionView] = []
        while phase < Phase.pending {
            let room = maxResults - items.count
            var found: (items: [TagDescriptionView], nextToken: String?) = ([], nil)
            if phase == Phase.tags, query.readsTags, let joined = query.joined {
                found = try await joinedPage(query, joined, pager: phased.pagers[phase], room: room, token: token, in: context)
            } else if phase == Phase.tags, query.readsTags {
                found = try await phased.pagers[phase].page(
                    CommandTable.listTags, query.parameters, id: rowID, maxResults: room, nextToken: token, in: context
                ) { (rows: ArraySlice<Tag>) async throws(EC2Error) -> [TagDescriptionView?] in
                    rows.map { row in description(of: row).flatMap { query.filters.matches($0) ? $0 : nil } }
                }
            } else if phase == Phase.interfaces, query.readsInterfaces {
                found = try await interfacePage(query, pager: phased.pagers[phase], room: room, token: token, in: context)
            }
            items += found.items
            if let next = found.nextToken { return Output(tagSet: items, nextToken: next) }
            (phase, token) = (phase + 1, nil)
            if items.count >= maxResults {
                // Full at the end of a list: a token for the next list that has anything to read, if one does.
                let later = (phase...Phase.pending).first { next in
                    next == Phase.interfaces ? query.readsInterfaces : hasPending(query, in: context)
                }
                return Output(tagSet: items, nextToken: later.flatMap(phased.start))
            }
        }
        guard hasPending(query, in: context) else { return Output(tagSet: items, nextToken: nil) }
        let held = try await pendingDescriptions(query, in: context)
        let (rest, next) = try phased.page(held, from: token, phase: Phase.pending, room: maxResults - items.count)
        return Output(tagSet: items + rest, nextToken: next)
    }

    /// A listTags row's place in CloudStack's order: a resource has one tag of a key.
    private static func rowID(_ row: Tag) -> String? {
        (row.resourcetype ?? "") + "/" + (row.resourceid ?? "") + "/" + (row.key ?? "")
    }

    /// One page of the tags of the resources `joined` names: listTags' rows of that key (and value), each row's run
    /// every tag of its resource (one listTags a resource, a few at a time), checked against every filter.
    private static func joinedPage(
        _ query: PageQuery, _ joined: JoinedTag, pager: CloudStackPager, room: Int, token: String?, in context: ActionContext
    ) async throws(EC2Error) -> (items: [TagDescriptionView], nextToken: String?) {
        var parameters = Parameters()
        parameters["key"] = joined.key
        if let value = joined.value { parameters["value"] = TagMapping.cloudStack(value) }
        if let type = query.parameters["resourcetype"] { parameters["resourcetype"] = type }
        return try await pager.pageOfRuns(
            CommandTable.listTags, parameters, id: rowID, maxResults: room, chunk: ConcurrentReads.width, nextToken: token, in: context
        ) { (rows: ArraySlice<Tag>) async throws(EC2Error) -> [[TagDescriptionView]] in
            let resources = rows.map { (id: $0.resourceid ?? "", type: $0.resourcetype ?? "") }
            return try await ConcurrentReads.map(resources) { (resource: (id: String, type: String)) async throws(EC2Error) -> [Tag] in
                let parameters: Parameters = ["resourceid": resource.id, "resourcetype": resource.type]
                return context.withPendingTags(try await context.list(CommandTable.listTags, parameters), on: resource.id)
            }.map { descriptions(of: $0, query) }
        }
    }

    /// The tags of one resource as EC2 shows them, each with the resource's other tags for `tag:` filters, those the
    /// filters keep.
    private static func descriptions(of rows: [Tag], of all: [Tag]? = nil, _ query: PageQuery) -> [TagDescriptionView] {
        var shown = rows.compactMap(description)
        if query.joined != nil {
            let others = (all ?? rows).compactMap(description).map { (key: $0.key, value: $0.value) }
            for index in shown.indices { shown[index].resourceTags = others }
        }
        return shown.filter(query.filters.matches)
    }

    /// One page of network interface tags: the VMs of listVirtualMachines' pages, each VM's run the tags of its NICs.
    private static func interfacePage(
        _ query: PageQuery, pager: CloudStackPager, room: Int, token: String?, in context: ActionContext
    ) async throws(EC2Error) -> (items: [TagDescriptionView], nextToken: String?) {
        // Exact key and value: one listResourceDetails across every NIC for the page, kept to the page's VMs.
        var byKeyAndValue: [String: [Tag]]?
        if let key = query.parameters["key"], let value = query.parameters["value"] {
            byKeyAndValue = try await NicTags.rows(matching: (key, value), in: context)
        }
        return try await pager.pageOfRuns(
            CommandTable.listVirtualMachines, Parameters(), id: \.id, maxResults: room, chunk: NicTags.concurrentReads,
            nextToken: token, in: context
        ) { (vms: ArraySlice<VirtualMachine>) async throws(EC2Error) -> [[TagDescriptionView]] in
            let nics = vms.map { vm in vm.nic.compactMap(\.id).filter { query.interfaceIDs?.contains($0) ?? true } }
            let byNic =
                if let byKeyAndValue { byKeyAndValue } else {
                    Dictionary(grouping: try await NicTags.rows(on: nics.flatMap { $0 }, in: context)) { $0.resourceid ?? "" }
                }
            return nics.map { ids in ids.flatMap { descriptions(of: byNic[$0] ?? [], query) } }
        }
    }

    /// Whether the caller has tags pending that this query could list (network interfaces' are listed with them).
    private static func hasPending(_ query: PageQuery, in context: ActionContext) -> Bool {
        !context.memory.pendingTags.isEmpty(for: context.accessKeyID) && query.readsTags
    }

    /// The caller's pending tags CloudStack does not list yet (one listTags per resource they are on), as EC2 shows
    /// them, in resource and key order.
    private static func pendingDescriptions(_ query: PageQuery, in context: ActionContext) async throws(EC2Error) -> [TagDescriptionView] {
        let entries = context.memory.pendingTags.tags(for: context.accessKeyID).filter { entry in
            entry.resourceType != NicTags.resourceType
                && query.parameters["resourceid"].map { $0 == entry.resourceID } ?? true
                && query.parameters["resourcetype"].map { $0 == entry.resourceType } ?? true
        }
        let byResource = Array(Dictionary(grouping: entries, by: \.resourceID).values)
        let shown = try await ConcurrentReads.map(byResource) {
            (pending: [PendingTags.Entry]) async throws(EC2Error) -> [TagDescriptionView] in
            let parameters: Parameters = ["resourceid": pending[0].resourceID, "resourcetype": pending[0].resourceType]
            let stored = try await context.list(CommandTable.listTags, parameters)
            let keys = Set(stored.compactMap(\.key))
            let fresh = pending.filter { !keys.contains($0.key) }.map(\.row)
            guard !fresh.isEmpty else { return [] }
            // A resource the joined walk did not find (its tag is still being created) comes here whole.
            let walked =
                query.joined.map { joined in
                    let value = joined.value.map(TagMapping.cloudStack)
                    return stored.contains { tag in tag.key == joined.key && (value == nil || tag.value == value) }
                } ?? true
            return descriptions(of: walked ? fresh : stored + fresh, of: stored + fresh, query)
        }
        return shown.flatMap { $0 }.sorted { $0.pageKey.utf8.lexicographicallyPrecedes($1.pageKey.utf8) }
    }
}
