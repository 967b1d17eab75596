import CloudStack

/// `DescribeInstanceStatus` [listVirtualMachines]: running instances (all with `IncludeAllInstances`),
/// status `ok` when running; filters and paging as DescribeInstances: with `MaxResults`/`NextToken`, pages cut from
/// listVirtualMachines' own pages in CloudStack's order (`CloudStackPager`), so a page costs the CloudStack pages it
/// reads, not the account (issue 16).
enum DescribeInstanceStatus: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let instanceIds: [String]?
        let filters: [Filter]?
        let includeAllInstances: Bool?
        let maxResults: Int?
        let nextToken: String?
        enum CodingKeys: String, CodingKey {
            case instanceIds = "InstanceId"
            case filters = "Filter"
            case includeAllInstances = "IncludeAllInstances"
            case maxResults = "MaxResults"
            case nextToken = "NextToken"
        }
    }

    /// The result.
    struct Output: TemplateModel {
        let instanceStatusSet: [InstanceStatusView]
        let nextToken: String?
        static let templateFields: TemplateFields<Self> = [
            "instanceStatusSet": .list(\.instanceStatusSet), "nextToken": .optional(\.nextToken),
        ]
    }

    static let name = "DescribeInstanceStatus"

    static let filterTable = FilterTable<InstanceStatusView>([
        "availability-zone": .init { [$0.availabilityZone] },
        "instance-state-name": .init { [$0.instanceState.name] },
        "instance-state-code": .init { [String($0.instanceState.code)] },
        "system-status.status": .init { [$0.status] },
        "instance-status.status": .init { [$0.status] },
        "system-status.reachability": .init { [$0.reachability] },
        "instance-status.reachability": .init { [$0.reachability] },
    ])

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let filters = try FilterSet(input.filters, table: filterTable)
        let ids = try InstanceLookup.parse(input.instanceIds)
        if !ids.isEmpty && input.maxResults != nil {
            throw EC2Error.invalidParameterCombination("The parameter instancesSet cannot be used with the parameter maxResults")
        }
        let maxResults = try MaxResults.validate(input.maxResults)
        let includeAll = input.includeAllInstances == true
        if ids.isEmpty, CloudStackPager.isPaged(maxResults: maxResults, nextToken: input.nextToken) {
            let pager = CloudStackPager(context, scope: [name, Pager.describe(input.filters), String(includeAll)])
            let page = try await pager.page(
                CommandTable.listVirtualMachines, Parameters(), id: \.id, maxResults: maxResults ?? 1000, nextToken: input.nextToken,
                in: context
            ) { (rows: ArraySlice<VirtualMachine>) async throws(EC2Error) -> [InstanceStatusView?] in
                rows.map { row in status(of: row).flatMap { shown($0, includeAll: includeAll, filters) ? $0 : nil } }
            }
            return Output(instanceStatusSet: page.items, nextToken: page.nextToken)
        }
        let vms =
            ids.isEmpty
            ? try await InstanceLookup.virtualMachines(nil, in: context) : try await InstanceLookup.require(ids, in: context).map(\.vm)
        let statuses = vms.compactMap { status(of: $0) }.filter { shown($0, includeAll: includeAll, filters) }
            .sorted { $0.instanceId.utf8.lexicographicallyPrecedes($1.instanceId.utf8) }
        let scope = Pager.scope([name, context.accessKeyID, Pager.describe(input.filters), String(includeAll)])
        let page = try Pager(codec: context.pageTokens, scope: scope).page(
            statuses, key: \.instanceId, maxResults: maxResults, nextToken: input.nextToken)
        return Output(instanceStatusSet: page.items, nextToken: page.nextToken)
    }

    /// The status of a VM, nil for a row without a readable id.
    private static func status(of vm: VirtualMachine) -> InstanceStatusView? {
        guard let id = vm.id.flatMap({ EC2ID(kind: .instance, cloudStackUUID: $0) }) else { return nil }
        let state = InstanceStateMapping.ec2State(vm.state)
        return InstanceStatusView(
            instanceId: id.description, availabilityZone: vm.zonename ?? "", instanceState: state,
            status: state == .running ? "ok" : "not-applicable")
    }

    /// Whether a status is answered: running ones only unless `IncludeAllInstances`, and those the filters keep.
    private static func shown(_ status: InstanceStatusView, includeAll: Bool, _ filters: FilterSet<InstanceStatusView>) -> Bool {
        (includeAll || status.instanceState == .running) && filters.matches(status)
    }
}
