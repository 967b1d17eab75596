import CloudStack

/// `DescribeVpcs` [listZones, listVPCs, listNetworks]: the synthetic default VPC (`isDefault`, when the
/// caller sees a guest network outside any CloudStack VPC) and each CloudStack VPC, with the fixed
/// DHCP options set. `VpcId.N`, filters, `MaxResults`/`NextToken`.
enum DescribeVpcs: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let vpcIds: [String]?
        let filters: [Filter]?
        let maxResults: Int?
        let nextToken: String?
        enum CodingKeys: String, CodingKey {
            case vpcIds = "VpcId"
            case filters = "Filter"
            case maxResults = "MaxResults"
            case nextToken = "NextToken"
        }
    }

    /// The result.
    struct Output: TemplateModel {
        let vpcSet: [VpcView]
        let nextToken: String?
        static let templateFields: TemplateFields<Self> = ["vpcSet": .list(\.vpcSet), "nextToken": .optional(\.nextToken)]
    }

    static let name = "DescribeVpcs"

    static let filterTable = FilterTable<VpcView>(
        [
            "vpc-id": .init { [$0.vpcId] },
            "cidr": .init { [$0.cidrBlock] },
            // Not in EC2's documentation, but EC2 takes it and Ansible's ec2_vpc_net finds VPCs with it.
            "cidr-block": .init { [$0.cidrBlock] },
            "cidr-block-association.cidr-block": .init { [$0.cidrBlock] },
            "cidr-block-association.association-id": .init { [$0.cidrAssociationId] },
            "cidr-block-association.state": .init { _ in ["associated"] },
            "dhcp-options-id": .init { [$0.dhcpOptionsId] },
            "is-default": .init { [$0.isDefault ? "true" : "false"] },
            "isDefault": .init { [$0.isDefault ? "true" : "false"] },
            "owner-id": .init { [$0.ownerId] },
            "state": .init { [$0.state] },
            "instance-tenancy": .init { _ in ["default"] },
        ],
        tags: { $0.tagSet.map { ($0.key, $0.value) } })

    static func validate(_ input: Input) throws(EC2Error) {
        _ = try MaxResults.validate(input.maxResults, range: 5...1000)
        for id in input.vpcIds ?? [] { _ = try EC2ID.parse(id, as: .vpc) }
    }

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let filters = try FilterSet(input.filters, table: filterTable)
        let ids = try (input.vpcIds ?? []).map { id throws(EC2Error) in try EC2ID.parse(id, as: .vpc) }
        let maxResults = try MaxResults.validate(input.maxResults, range: 5...1000)
        // One VPC asked for: list only it (and skip the networks unless it is the default VPC).
        let single = ids.count == 1 ? ids[0] : nil
        let inventory = try await VPCInventory.load(
            vpc: single, networks: single == nil || single?.description == SecurityGroupMapping.defaultVpcID, in: context)
        var views = inventory.vpcViews(in: context)
        if !ids.isEmpty {
            let found = Set(views.map(\.vpcId))
            let missing = ids.map(\.description).filter { !found.contains($0) }
            if !missing.isEmpty { throw EC2Error.notFound(.vpc, ids: missing) }
            let wanted = Set(ids.map(\.description))
            views = views.filter { wanted.contains($0.vpcId) }
        }
        views = filters.apply(views)
        views.sort { $0.vpcId.utf8.lexicographicallyPrecedes($1.vpcId.utf8) }
        let scope = Pager.scope([name, context.accessKeyID, Pager.describe(input.filters), (input.vpcIds ?? []).joined(separator: ",")])
        let page = try Pager(codec: context.pageTokens, scope: scope).page(
            views, key: \.vpcId, maxResults: maxResults, nextToken: input.nextToken)
        return Output(vpcSet: page.items, nextToken: page.nextToken)
    }
}
