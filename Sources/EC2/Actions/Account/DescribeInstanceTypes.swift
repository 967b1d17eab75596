import CloudStack

/// `DescribeInstanceTypes` [listServiceOfferings]: configured EC2 names first, every other fixed-size
/// offering under its derived `cs.` name (customised offerings need sizes RunInstances cannot pass).
enum DescribeInstanceTypes: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let instanceTypes: [String]?
        let filters: [Filter]?
        let maxResults: Int?
        let nextToken: String?
        enum CodingKeys: String, CodingKey {
            case instanceTypes = "InstanceType"
            case filters = "Filter"
            case maxResults = "MaxResults"
            case nextToken = "NextToken"
        }
    }

    /// The result.
    struct Output: TemplateModel {
        let instanceTypeSet: [InstanceTypeInfoView]
        let nextToken: String?
        static let templateFields: TemplateFields<Self> = [
            "instanceTypeSet": .list(\.instanceTypeSet), "nextToken": .optional(\.nextToken),
        ]
    }

    static let name = "DescribeInstanceTypes"

    static let filterTable = FilterTable<InstanceTypeInfoView>([
        "instance-type": .init { [$0.instanceType] },
        "vcpu-info.default-vcpus": .init { [String($0.vCpus)] },
        "memory-info.size-in-mib": .init { [String($0.memoryMiB)] },
        "current-generation": .init { _ in ["true"] },
        "bare-metal": .init { _ in ["false"] },
        "hypervisor": .init { _ in ["xen"] },
        "processor-info.supported-architecture": .init { _ in ["x86_64"] },
        "supported-usage-class": .init { _ in ["on-demand"] },
        "supported-root-device-type": .init { _ in ["ebs"] },
        "supported-virtualization-type": .init { _ in ["hvm"] },
    ])

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let filters = try FilterSet(input.filters, table: filterTable)
        let maxResults = try MaxResults.validate(input.maxResults, range: 5...100)
        let names = InstanceTypeNames(configured: context.configuration.instanceTypes)
        var views: [String: InstanceTypeInfoView] = [:]
        for offering in try await context.list(CommandTable.listServiceOfferings) {
            guard let cpu = offering.cpunumber, let memory = offering.memory, cpu > 0 else { continue }
            let name = names.name(of: offering)
            let speed = Double(offering.cpuspeed ?? 0) / 1000
            views[name] = InstanceTypeInfoView(
                instanceType: name, vCpus: Int(cpu), memoryMiB: Int(memory), clockSpeedGHz: String(speed))
        }
        var selected = Array(views.values)
        if let wanted = input.instanceTypes, !wanted.isEmpty {
            for type in wanted where views[type] == nil {
                throw EC2Error.invalidParameterValue("The following supplied instance types do not exist: [\(XMLSafeName.clip(type))]")
            }
            selected = selected.filter { wanted.contains($0.instanceType) }
        }
        selected = filters.apply(selected).sorted { $0.instanceType.utf8.lexicographicallyPrecedes($1.instanceType.utf8) }
        let scope = Pager.scope([
            name, context.accessKeyID, Pager.describe(input.filters), (input.instanceTypes ?? []).joined(separator: ","),
        ])
        let page = try Pager(codec: context.pageTokens, scope: scope).page(
            selected, key: \.instanceType, maxResults: maxResults, nextToken: input.nextToken)
        return Output(instanceTypeSet: page.items, nextToken: page.nextToken)
    }
}
