import CloudStack

/// `DescribeDhcpOptions` [listVPCs]: the one fixed set `dopt-000…0` every CloudStack guest network is
/// served by its virtual router: `domain-name-servers` AmazonProvidedDNS (the router answers DNS),
/// and `domain-name` when every VPC the caller sees has the same network domain.
enum DescribeDhcpOptions: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let dhcpOptionsIds: [String]?
        let filters: [Filter]?
        let maxResults: Int?
        let nextToken: String?
        enum CodingKeys: String, CodingKey {
            case dhcpOptionsIds = "DhcpOptionsId"
            case filters = "Filter"
            case maxResults = "MaxResults"
            case nextToken = "NextToken"
        }
    }

    /// The result.
    struct Output: TemplateModel {
        let dhcpOptionsSet: [DhcpOptionsView]
        let nextToken: String?
        static let templateFields: TemplateFields<Self> = ["dhcpOptionsSet": .list(\.dhcpOptionsSet), "nextToken": .optional(\.nextToken)]
    }

    static let name = "DescribeDhcpOptions"

    /// The one set's id: the nil UUID's hex, which CloudStack never assigns.
    static let fixedID = ResourceKind.dhcpOptions.prefix + String(repeating: "0", count: 32)

    static let filterTable = FilterTable<DhcpOptionsView>(
        [
            "dhcp-options-id": .init { [$0.dhcpOptionsId] },
            "key": .init { $0.dhcpConfigurationSet.map(\.key) },
            "value": .init { $0.dhcpConfigurationSet.flatMap(\.valueSet) },
            "owner-id": .init { [$0.ownerId] },
        ],
        tags: { _ in [] })

    static func validate(_ input: Input) throws(EC2Error) {
        _ = try MaxResults.validate(input.maxResults, range: 5...1000)
        for id in input.dhcpOptionsIds ?? [] where id != fixedID {
            _ = try EC2ID.parse(id, as: .dhcpOptions)
            throw EC2Error.notFound(.dhcpOptions, ids: [id])
        }
    }

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let filters = try FilterSet(input.filters, table: filterTable)
        let maxResults = try MaxResults.validate(input.maxResults, range: 5...1000)
        let vpcs = try await context.list(CommandTable.listVPCs)
        var configuration = [DhcpConfigurationView(key: "domain-name-servers", valueSet: ["AmazonProvidedDNS"])]
        let domains = Set(vpcs.compactMap(\.networkdomain).filter { !$0.isEmpty })
        if domains.count == 1, let domain = domains.first, vpcs.allSatisfy({ $0.networkdomain == domain }) {
            configuration.insert(DhcpConfigurationView(key: "domain-name", valueSet: [domain]), at: 0)
        }
        let owner = vpcs.first?.account ?? ""
        let views = filters.apply([DhcpOptionsView(dhcpOptionsId: fixedID, ownerId: owner, dhcpConfigurationSet: configuration)])
        let scope = Pager.scope([
            name, context.accessKeyID, Pager.describe(input.filters), (input.dhcpOptionsIds ?? []).joined(separator: ","),
        ])
        let page = try Pager(codec: context.pageTokens, scope: scope).page(
            views, key: \.dhcpOptionsId, maxResults: maxResults, nextToken: input.nextToken)
        return Output(dhcpOptionsSet: page.items, nextToken: page.nextToken)
    }
}
