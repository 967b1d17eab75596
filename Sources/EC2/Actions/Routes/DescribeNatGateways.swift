import CloudStack

/// `DescribeNatGateways` [listPublicIpAddresses `issourcenat=true`]: each CloudStack VPC's source NAT
/// address, `nat-` + the address's hex, `available` and `public`, its one address with the
/// `eipalloc-` id the address has. No `subnetId`: the address belongs to the VPC's router, not a tier.
enum DescribeNatGateways: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let natGatewayIds: [String]?
        let filters: [Filter]?
        let maxResults: Int?
        let nextToken: String?
        enum CodingKeys: String, CodingKey {
            case natGatewayIds = "NatGatewayId"
            case filters = "Filter"
            case maxResults = "MaxResults"
            case nextToken = "NextToken"
        }
    }

    /// The result.
    struct Output: TemplateModel {
        let natGatewaySet: [NatGatewayView]
        let nextToken: String?
        static let templateFields: TemplateFields<Self> = ["natGatewaySet": .list(\.natGatewaySet), "nextToken": .optional(\.nextToken)]
    }

    static let name = "DescribeNatGateways"

    static let filterTable = FilterTable<NatGatewayView>(
        [
            "nat-gateway-id": .init { [$0.natGatewayId] },
            "vpc-id": .init { [$0.vpcId] },
            "state": .init { _ in ["available"] },
            "subnet-id": .init { _ in [] },
        ],
        tags: { _ in [] })

    static func validate(_ input: Input) throws(EC2Error) {
        if !(input.natGatewayIds ?? []).isEmpty && input.maxResults != nil {
            throw EC2Error.invalidParameterCombination("The parameter NatGatewayIds cannot be used with the parameter MaxResults")
        }
        _ = try MaxResults.validate(input.maxResults, range: 5...1000)
    }

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let filters = try FilterSet(input.filters, table: filterTable)
        let ids = try (input.natGatewayIds ?? []).map { id throws(EC2Error) in try EC2ID.parse(id, as: .natGateway) }
        let maxResults = try MaxResults.validate(input.maxResults, range: 5...1000)
        let addresses = try await context.list(CommandTable.listPublicIpAddresses, ["issourcenat": "true"])
        var views = addresses.compactMap { address -> NatGatewayView? in
            guard address.issourcenat == true, let uuid = address.id,
                let vpc = address.vpcid.flatMap({ EC2ID(kind: .vpc, cloudStackUUID: $0) }),
                let nat = EC2ID(kind: .natGateway, cloudStackUUID: uuid), let allocation = EC2ID(kind: .allocation, cloudStackUUID: uuid)
            else { return nil }
            return NatGatewayView(
                natGatewayId: nat.description, vpcId: vpc.description, createTime: CloudStackTime.ec2(address.allocated),
                publicIp: address.ipaddress ?? "", allocationId: allocation.description, ownerId: address.account ?? "")
        }
        if !ids.isEmpty {
            let found = Set(views.map(\.natGatewayId))
            let missing = ids.map(\.description).filter { !found.contains($0) }
            if !missing.isEmpty { throw EC2Error.notFound(.natGateway, ids: missing) }
            let wanted = Set(ids.map(\.description))
            views = views.filter { wanted.contains($0.natGatewayId) }
        }
        views = filters.apply(views)
        views.sort { $0.natGatewayId.utf8.lexicographicallyPrecedes($1.natGatewayId.utf8) }
        let scope = Pager.scope([
            name, context.accessKeyID, Pager.describe(input.filters), (input.natGatewayIds ?? []).joined(separator: ","),
        ])
        let page = try Pager(codec: context.pageTokens, scope: scope).page(
            views, key: \.natGatewayId, maxResults: maxResults, nextToken: input.nextToken)
        return Output(natGatewaySet: page.items, nextToken: page.nextToken)
    }
}
