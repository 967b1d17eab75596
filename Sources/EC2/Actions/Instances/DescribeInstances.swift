import CloudStack

/// `DescribeInstances` [listVirtualMachines, listVolumes type=ROOT and DATADISK]: reservations of full instances,
/// EC2 filters (ids and exact tags pushed down), `MaxResults`/`NextToken` over the complete list.
enum DescribeInstances: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let instanceIds: [String]?
        let filters: [Filter]?
        let maxResults: Int?
        let nextToken: String?
        enum CodingKeys: String, CodingKey {
            case instanceIds = "InstanceId"
            case filters = "Filter"
            case maxResults = "MaxResults"
            case nextToken = "NextToken"
        }
    }

    /// The result.
    struct Output: TemplateModel {
        let reservationSet: [ReservationView]
        let nextToken: String?
        static let templateFields: TemplateFields<Self> = [
            "reservationSet": .list(\.reservationSet), "nextToken": .optional(\.nextToken),
        ]
    }

    static let name = "DescribeInstances"

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let filters = try FilterSet(input.filters, table: InstanceFilters.table)
        let ids = try InstanceLookup.parse(input.instanceIds)
        if !ids.isEmpty && input.maxResults != nil {
            throw EC2Error.invalidParameterCombination("The parameter instancesSet cannot be used with the parameter maxResults")
        }
        let maxResults = try MaxResults.validate(input.maxResults)
        guard let parameters = try await InstanceFilters.pushdown(filters, in: context) else {
            return Output(reservationSet: [], nextToken: nil)
        }
        let pushedIDs: [EC2ID]
        if ids.isEmpty, let values = filters.pushdownValues("instance-id") {
            pushedIDs = values.compactMap { try? EC2ID.parse($0, as: .instance) }
            if pushedIDs.isEmpty { return Output(reservationSet: [], nextToken: nil) }
        } else {
            pushedIDs = ids
        }
        if ids.isEmpty, CloudStackPager.isPaged(maxResults: maxResults, nextToken: input.nextToken) {
            return try await page(filters, parameters, ids: pushedIDs, maxResults: maxResults ?? 1000, input: input, in: context)
        }
        // Data volumes do not depend on the VM list: asked for at the same time, they cost no extra latency.
        async let data = InstanceLookup.dataVolumes(of: pushedIDs.isEmpty ? nil : pushedIDs, in: context)
        let vms = try await InstanceLookup.virtualMachines(pushedIDs.isEmpty ? nil : pushedIDs, extra: parameters, in: context)
        let roots = try await InstanceLookup.rootVolumes(of: vms, in: context)
        var views = InstanceLookup.views(vms, roots: roots, data: try await data, in: context)
        // Instances terminated through this gateway stay visible as terminated (CloudStack hides them).
        let present = Set(views.map(\.instanceId))
        let wanted = ids.isEmpty ? nil : Set(ids.map(\.description))
        for id in wanted ?? [] where !present.contains(id) {
            if let gone = context.memory.terminated.value(for: InstanceLookup.terminatedKey(context, id)) { views.append(gone) }
        }
        if let wanted {
            let found = Set(views.map(\.instanceId))
            let missing = ids.map(\.description).filter { !found.contains($0) }
            if !missing.isEmpty { throw EC2Error.notFound(.instance, ids: missing) }
            views = views.filter { wanted.contains($0.instanceId) }
        }
        views = filters.apply(views)
        // In place: `sorted` would copy every view into a new array.
        views.sort { $0.instanceId.utf8.lexicographicallyPrecedes($1.instanceId.utf8) }
        let pager = Pager(codec: context.pageTokens, scope: Pager.scope([name, context.accessKeyID, Pager.describe(input.filters)]))
        let page = try pager.page(views, key: \.instanceId, maxResults: maxResults, nextToken: input.nextToken)
        return Output(reservationSet: ReservationView.grouping(page.items), nextToken: page.nextToken)
    }

    /// A `MaxResults`/`NextToken` page read from CloudStack's own pages, in CloudStack's order: its root volumes
    /// for its rows only (remembered ones, else one listVolumes), its data volumes from one remembered listVolumes.
    private static func page(
        _ filters: FilterSet<InstanceView>, _ pushed: Parameters, ids: [EC2ID], maxResults: Int, input: Input, in context: ActionContext
    ) async throws -> Output {
        let parameters = CloudStackPager.parameters(pushed, ids: ids)
        let pager = CloudStackPager(context, scope: [name, Pager.describe(input.filters)])
        let data = try await InstanceLookup.dataVolumes(of: nil, in: context)
        let page = try await pager.page(
            CommandTable.listVirtualMachines, parameters, id: \.id, maxResults: maxResults, nextToken: input.nextToken, in: context
        ) { (rows: ArraySlice<VirtualMachine>) async throws(EC2Error) -> [InstanceView?] in
            let roots = try await InstanceLookup.rootVolumes(of: rows, in: context)
            return InstanceLookup.alignedViews(rows, roots: roots, data: data, in: context).map { view in
                view.flatMap { filters.matches($0) ? $0 : nil }
            }
        }
        return Output(reservationSet: ReservationView.grouping(page.items), nextToken: page.nextToken)
    }
}
