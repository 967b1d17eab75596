import CloudStack

/// `DescribeInstanceCreditSpecifications` [listVirtualMachines]: CloudStack has no CPU credits, so
/// every instance reports `standard` (a fixed share, never `unlimited` bursting). With `MaxResults`/`NextToken` and no
/// `InstanceId`, pages are cut from listVirtualMachines' own pages in CloudStack's order (issue 16).
enum DescribeInstanceCreditSpecifications: EC2Action {
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

    /// botocore shape `InstanceCreditSpecification`.
    struct Specification: TemplateModel {
        let instanceId: String
        static let templateFields: TemplateFields<Self> = ["instanceId": .string(\.instanceId)]
    }

    /// The result.
    struct Output: TemplateModel {
        let instanceCreditSpecificationSet: [Specification]
        let nextToken: String?
        static let templateFields: TemplateFields<Self> = [
            "instanceCreditSpecificationSet": .list(\.instanceCreditSpecificationSet), "nextToken": .optional(\.nextToken),
        ]
    }

    static let name = "DescribeInstanceCreditSpecifications"

    static let filterTable = FilterTable<Specification>(["instance-id": .init { [$0.instanceId] }])

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let filters = try FilterSet(input.filters, table: filterTable)
        let maxResults = try MaxResults.validate(input.maxResults)
        let ids = try InstanceLookup.parse(input.instanceIds)
        if ids.isEmpty, CloudStackPager.isPaged(maxResults: maxResults, nextToken: input.nextToken) {
            let pager = CloudStackPager(context, scope: [name, Pager.describe(input.filters)])
            let page = try await pager.page(
                CommandTable.listVirtualMachines, Parameters(), id: \.id, maxResults: maxResults ?? 1000, nextToken: input.nextToken,
                in: context
            ) { (rows: ArraySlice<VirtualMachine>) async throws(EC2Error) -> [Specification?] in
                rows.map { row in specification(of: row).flatMap { filters.matches($0) ? $0 : nil } }
            }
            return Output(instanceCreditSpecificationSet: page.items, nextToken: page.nextToken)
        }
        let vms =
            ids.isEmpty
            ? try await InstanceLookup.virtualMachines(nil, in: context) : try await InstanceLookup.require(ids, in: context).map(\.vm)
        let views = vms.compactMap(specification)
        let selected = filters.apply(views).sorted { $0.instanceId.utf8.lexicographicallyPrecedes($1.instanceId.utf8) }
        let scope = Pager.scope([
            name, context.accessKeyID, Pager.describe(input.filters), (input.instanceIds ?? []).joined(separator: ","),
        ])
        let page = try Pager(codec: context.pageTokens, scope: scope).page(
            selected, key: \.instanceId, maxResults: maxResults, nextToken: input.nextToken)
        return Output(instanceCreditSpecificationSet: page.items, nextToken: page.nextToken)
    }

    /// A VM's specification, nil for a row without a readable id.
    private static func specification(of vm: VirtualMachine) -> Specification? {
        vm.id.flatMap { EC2ID(kind: .instance, cloudStackUUID: $0) }.map { Specification(instanceId: $0.description) }
    }
}
