import CloudStack

/// `DescribeSnapshots` [listSnapshots]: the caller's own snapshots (CloudStack snapshots are never
/// shared), by `SnapshotId.N`, `Owner.N`, `RestorableBy.N`, filters and pages (`MaxResults`/`NextToken` read
/// CloudStack's own listSnapshots pages through `CloudStackPager`, in CloudStack's order).
///
/// `Owner` `self` or the caller's account name keeps them, any other owner (`amazon`, another
/// account) has none; `RestorableBy` `all` (public snapshots) has none, `self` or the caller's
/// account keeps them. Snapshots being deleted are not listed; one deleted here within the hour
/// asked for by id gives an empty list rather than `InvalidSnapshot.NotFound`, as EC2 answers.
enum DescribeSnapshots: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let snapshotIds: [String]?
        let owners: [String]?
        let restorableBy: [String]?
        let filters: [Filter]?
        let maxResults: Int?
        let nextToken: String?
        enum CodingKeys: String, CodingKey {
            case snapshotIds = "SnapshotId"
            case owners = "Owner"
            case restorableBy = "RestorableBy"
            case filters = "Filter"
            case maxResults = "MaxResults"
            case nextToken = "NextToken"
        }
    }

    /// The result.
    struct Output: TemplateModel {
        let snapshotSet: [SnapshotView]
        let nextToken: String?
        static let templateFields: TemplateFields<Self> = [
            "snapshotSet": .list(\.snapshotSet), "nextToken": .optional(\.nextToken),
        ]
    }

    static let name = "DescribeSnapshots"

    static let filterTable = FilterTable<SnapshotView>(
        [
            "snapshot-id": .init(pushdown: true) { [$0.snapshotId] },
            "status": .init { [$0.state] },
            "volume-id": .init { [$0.volumeId] },
            "owner-id": .init { [$0.ownerId] },
            "owner-alias": .init { _ in [] },
            "progress": .init { [$0.progress] },
            "start-time": .init { [$0.startTime] },
            "volume-size": .init { [String($0.volumeSize)] },
            "description": .init { [$0.description] },
            "encrypted": .init { _ in ["false"] },
            "storage-tier": .init { _ in ["standard"] },
        ],
        tags: { $0.tagSet.map { ($0.key, $0.value) } }, tagPushdown: true)

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let filters = try FilterSet(input.filters, table: filterTable)
        let ids = try (input.snapshotIds ?? []).map { id throws(EC2Error) in try EC2ID.parse(id, as: .snapshot) }
        let maxResults = try MaxResults.validate(input.maxResults)
        guard input.maxResults == nil || ids.isEmpty else {
            throw EC2Error.invalidParameterCombination("The parameter SnapshotId cannot be used with the parameter MaxResults.")
        }
        let scope = Pager.scope(
            [
                name, context.accessKeyID, Pager.describe(input.filters), (input.owners ?? []).joined(separator: ","),
                (input.restorableBy ?? []).joined(separator: ","), (input.snapshotIds ?? []).joined(separator: ","),
            ])
        if ids.isEmpty, CloudStackPager.isPaged(maxResults: maxResults, nextToken: input.nextToken) {
            return try await page(filters, maxResults: maxResults ?? 1000, scope: scope, input: input, in: context)
        }
        let wanted = ids.map(\.description)
        let deleted = Set(wanted.filter { SnapshotLookup.isDeleted($0, in: context) })
        var views: [SnapshotView] = []
        if try await includesOwn(input, in: context), !(wanted.isEmpty == false && deleted.count == wanted.count) {
            var parameters = Parameters()
            let live = ids.filter { !deleted.contains($0.description) }
            if live.count == 1 { parameters["id"] = live[0].cloudStackUUID }
            if case let tags = context.tagPushdown(filters), !tags.isEmpty { parameters.setTags(tags) }
            let errorContext: ErrorContext = live.count == 1 ? .ids(.snapshot, [live[0].description]) : .none
            views = try await SnapshotLookup.snapshots(parameters, in: context, errorContext: errorContext).compactMap { row in
                var row = row
                row.tags = context.withPendingTags(row.tags, on: row.id)
                return SnapshotView(row)
            }
            views = views.filter { !SnapshotLookup.isDeleted($0.snapshotId, in: context) }
        }
        if !wanted.isEmpty {
            let set = Set(wanted)
            views = views.filter { set.contains($0.snapshotId) }
            let found = Set(views.map(\.snapshotId))
            let missing = wanted.filter { !found.contains($0) && !deleted.contains($0) }
            if !missing.isEmpty { throw EC2Error.notFound(.snapshot, ids: missing) }
        }
        // In CloudStack's order, as the paged list is: a walk of pages and the whole list agree.
        views = filters.apply(views)
        let page = try Pager(codec: context.pageTokens, scope: scope).page(
            views, key: \.snapshotId, maxResults: maxResults, nextToken: input.nextToken)
        return Output(snapshotSet: page.items, nextToken: page.nextToken)
    }

    /// Whether `Owner` and `RestorableBy` leave the caller's own snapshots in (the only ones there are).
    /// A `MaxResults`/`NextToken` page read from CloudStack's own listSnapshots pages (`CloudStackPager`), in
    /// CloudStack's order; snapshots being deleted are left out, as in the whole list.
    private static func page(
        _ filters: FilterSet<SnapshotView>, maxResults: Int, scope: String, input: Input, in context: ActionContext
    ) async throws(EC2Error) -> Output {
        guard try await includesOwn(input, in: context) else { return Output(snapshotSet: [], nextToken: nil) }
        var parameters = Parameters()
        if case let tags = context.tagPushdown(filters), !tags.isEmpty { parameters.setTags(tags) }
        let pager = CloudStackPager(
            codec: context.pageTokens, scope: Pager.scope([scope, "cloudstack"]), pageSize: max(1, context.client.configuration.pageSize))
        let page = try await pager.page(
            CommandTable.listSnapshots, parameters, id: \.id, maxResults: maxResults, nextToken: input.nextToken, in: context
        ) { (rows: ArraySlice<Snapshot>) async throws(EC2Error) -> [SnapshotView?] in
            rows.map { row in
                var row = row
                row.tags = context.withPendingTags(row.tags, on: row.id)
                guard let view = SnapshotView(row), !SnapshotLookup.isDeleted(view.snapshotId, in: context), filters.matches(view) else {
                    return nil
                }
                return view
            }
        }
        return Output(snapshotSet: page.items, nextToken: page.nextToken)
    }

    static func includesOwn(_ input: Input, in context: ActionContext) async throws(EC2Error) -> Bool {
        let owners = input.owners ?? []
        let restorable = input.restorableBy ?? []
        if owners.isEmpty && restorable.isEmpty { return true }
        let needsAccount = (owners + restorable).contains { $0 != "self" && $0 != "all" && $0 != "amazon" }
        let account = needsAccount ? try await callerAccount(in: context) : nil
        func isSelf(_ value: String) -> Bool { value == "self" || value == account }
        if !owners.isEmpty && !owners.contains(where: isSelf) { return false }
        if !restorable.isEmpty && !restorable.contains(where: isSelf) { return false }
        return true
    }

    /// The caller's CloudStack account name (what `ownerId` shows).
    static func callerAccount(in context: ActionContext) async throws(EC2Error) -> String? {
        try await context.list(CommandTable.listAccounts).first?.name
    }
}
