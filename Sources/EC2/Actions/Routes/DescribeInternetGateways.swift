import CloudStack

/// `DescribeInternetGateways` [listVPCs]: one per CloudStack VPC, `igw-` + the VPC's hex: its virtual
/// router, always attached (`available`). `MaxResults`/`NextToken` over the list.
enum DescribeInternetGateways: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let internetGatewayIds: [String]?
        let filters: [Filter]?
        let maxResults: Int?
        let nextToken: String?
        enum CodingKeys: String, CodingKey {
            case internetGatewayIds = "InternetGatewayId"
            case filters = "Filter"
            case maxResults = "MaxResults"
            case nextToken = "NextToken"
        }
    }

    /// The result.
    struct Output: TemplateModel {
        let internetGatewaySet: [InternetGatewayView]
        let nextToken: String?
        static let templateFields: TemplateFields<Self> = [
            "internetGatewaySet": .list(\.internetGatewaySet), "nextToken": .optional(\.nextToken),
        ]
    }

    static let name = "DescribeInternetGateways"

    static let filterTable = FilterTable<InternetGatewayView>(
        [
            "internet-gateway-id": .init { [$0.internetGatewayId] },
            "attachment.vpc-id": .init { [$0.vpcId] },
            "attachment.state": .init { _ in ["available"] },
            "owner-id": .init { [$0.ownerId] },
        ],
        tags: { _ in [] })

    static func validate(_ input: Input) throws(EC2Error) {
        if !(input.internetGatewayIds ?? []).isEmpty && input.maxResults != nil {
            throw EC2Error.invalidParameterCombination("The parameter internetGatewayIdSet cannot be used with the parameter maxResults")
        }
        _ = try MaxResults.validate(input.maxResults, range: 5...1000)
    }

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let filters = try FilterSet(input.filters, table: filterTable)
        let ids = try (input.internetGatewayIds ?? []).map { id throws(EC2Error) in try EC2ID.parse(id, as: .internetGateway) }
        let maxResults = try MaxResults.validate(input.maxResults, range: 5...1000)
        let routing = try await VPCRouting.load(for: ids.count == 1 ? ids[0] : nil, routes: false, tiers: false, in: context)
        var views = routing.routers.map {
            InternetGatewayView(internetGatewayId: $0.internetGatewayID, vpcId: $0.vpcID.description, ownerId: $0.vpc.account ?? "")
        }
        if !ids.isEmpty {
            let found = Set(views.map(\.internetGatewayId))
            let missing = ids.map(\.description).filter { !found.contains($0) }
            if !missing.isEmpty { throw EC2Error.notFound(.internetGateway, ids: missing) }
            let wanted = Set(ids.map(\.description))
            views = views.filter { wanted.contains($0.internetGatewayId) }
        }
        views = filters.apply(views)
        views.sort { $0.internetGatewayId.utf8.lexicographicallyPrecedes($1.internetGatewayId.utf8) }
        let scope = Pager.scope([
            name, context.accessKeyID, Pager.describe(input.filters), (input.internetGatewayIds ?? []).joined(separator: ","),
        ])
        let page = try Pager(codec: context.pageTokens, scope: scope).page(
            views, key: \.internetGatewayId, maxResults: maxResults, nextToken: input.nextToken)
        return Output(internetGatewaySet: page.items, nextToken: page.nextToken)
    }
}
