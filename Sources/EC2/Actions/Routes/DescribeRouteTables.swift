import CloudStack

/// `DescribeRouteTables` [listVPCs, listPublicIpAddresses, listNetworks, listStaticRoutes,
/// listPrivateGateways]: one main table per CloudStack VPC, `rtb-` + the VPC's hex, with its `local`
/// route, `0.0.0.0/0` to the VPC's internet gateway when its router has a source NAT address, and its
/// static routes to private gateways (as `localGatewayId`). `MaxResults`/`NextToken` over the list.
enum DescribeRouteTables: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let routeTableIds: [String]?
        let filters: [Filter]?
        let maxResults: Int?
        let nextToken: String?
        enum CodingKeys: String, CodingKey {
            case routeTableIds = "RouteTableId"
            case filters = "Filter"
            case maxResults = "MaxResults"
            case nextToken = "NextToken"
        }
    }

    /// The result.
    struct Output: TemplateModel {
        let routeTableSet: [RouteTableView]
        let nextToken: String?
        static let templateFields: TemplateFields<Self> = [
            "routeTableSet": .list(\.routeTableSet), "nextToken": .optional(\.nextToken),
        ]
    }

    static let name = "DescribeRouteTables"

    static let filterTable = FilterTable<RouteTableView>(
        [
            "route-table-id": .init { [$0.routeTableId] },
            "vpc-id": .init { [$0.vpcId] },
            "owner-id": .init { [$0.ownerId] },
            "association.main": .init { _ in ["true"] },
            "association.route-table-association-id": .init { $0.associationSet.map(\.routeTableAssociationId) },
            "association.route-table-id": .init { [$0.routeTableId] },
            // Every tier of a CloudStack VPC routes through its one table, so each counts as associated.
            "association.subnet-id": .init { $0.subnetIds },
            "route.destination-cidr-block": .init { $0.routeSet.map(\.destinationCidrBlock) },
            "route.gateway-id": .init { $0.routeSet.compactMap(\.gatewayId) },
            "route.local-gateway-id": .init { $0.routeSet.compactMap(\.localGatewayId) },
            "route.origin": .init { $0.routeSet.map(\.origin) },
            "route.state": .init { $0.routeSet.map(\.state) },
        ],
        tags: { _ in [] })

    static func validate(_ input: Input) throws(EC2Error) {
        if !(input.routeTableIds ?? []).isEmpty && input.maxResults != nil {
            throw EC2Error.invalidParameterCombination("The parameter routeTableIdSet cannot be used with the parameter maxResults")
        }
        _ = try MaxResults.validate(input.maxResults, range: 5...100)
    }

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let filters = try FilterSet(input.filters, table: filterTable)
        let ids = try (input.routeTableIds ?? []).map { id throws(EC2Error) in try EC2ID.parse(id, as: .routeTable) }
        let maxResults = try MaxResults.validate(input.maxResults, range: 5...100)
        let routing = try await VPCRouting.load(for: ids.count == 1 ? ids[0] : nil, in: context)
        var views = routing.routers.map(\.routeTable)
        if !ids.isEmpty {
            let found = Set(views.map(\.routeTableId))
            let missing = ids.map(\.description).filter { !found.contains($0) }
            if !missing.isEmpty { throw EC2Error.notFound(.routeTable, ids: missing) }
            let wanted = Set(ids.map(\.description))
            views = views.filter { wanted.contains($0.routeTableId) }
        }
        views = filters.apply(views)
        views.sort { $0.routeTableId.utf8.lexicographicallyPrecedes($1.routeTableId.utf8) }
        let scope = Pager.scope([
            name, context.accessKeyID, Pager.describe(input.filters), (input.routeTableIds ?? []).joined(separator: ","),
        ])
        let page = try Pager(codec: context.pageTokens, scope: scope).page(
            views, key: \.routeTableId, maxResults: maxResults, nextToken: input.nextToken)
        return Output(routeTableSet: page.items, nextToken: page.nextToken)
    }
}
