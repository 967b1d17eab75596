import CloudStack

/// `DescribeSubnets` [listZones, listVPCs, listNetworks, listVirtualMachines]: every CloudStack guest
/// network the caller sees — VPC tiers in their VPC, the others in the default VPC with one
/// `defaultForAz` per zone — with `availableIpAddressCount` = the CIDR's size minus EC2's five
/// reserved addresses minus the caller's NICs in it. `SubnetId.N`, filters, `MaxResults`/`NextToken`.
enum DescribeSubnets: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let subnetIds: [String]?
        let filters: [Filter]?
        let maxResults: Int?
        let nextToken: String?
        enum CodingKeys: String, CodingKey {
            case subnetIds = "SubnetId"
            case filters = "Filter"
            case maxResults = "MaxResults"
            case nextToken = "NextToken"
        }
    }

    /// The result.
    struct Output: TemplateModel {
        let subnetSet: [SubnetView]
        let nextToken: String?
        static let templateFields: TemplateFields<Self> = ["subnetSet": .list(\.subnetSet), "nextToken": .optional(\.nextToken)]
    }

    static let name = "DescribeSubnets"

    static let filterTable = FilterTable<SubnetView>(
        [
            "subnet-id": .init { [$0.subnetId] },
            "vpc-id": .init { [$0.vpcId] },
            "availability-zone": .init { [$0.availabilityZone] },
            "availabilityZone": .init { [$0.availabilityZone] },
            "availability-zone-id": .init { [$0.availabilityZoneId] },
            "available-ip-address-count": .init { [String($0.availableIpAddressCount)] },
            "cidr-block": .init { [$0.cidrBlock] },
            "cidr": .init { [$0.cidrBlock] },
            "cidrBlock": .init { [$0.cidrBlock] },
            "default-for-az": .init { [$0.defaultForAz ? "true" : "false"] },
            "defaultForAz": .init { [$0.defaultForAz ? "true" : "false"] },
            "map-public-ip-on-launch": .init { _ in ["false"] },
            "owner-id": .init { [$0.ownerId] },
            "state": .init { [$0.state] },
        ],
        tags: { $0.tagSet.map { ($0.key, $0.value) } })

    static func validate(_ input: Input) throws(EC2Error) {
        _ = try MaxResults.validate(input.maxResults, range: 5...1000)
        for id in input.subnetIds ?? [] { _ = try EC2ID.parse(id, as: .subnet) }
    }

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let filters = try FilterSet(input.filters, table: filterTable)
        let ids = try (input.subnetIds ?? []).map { id throws(EC2Error) in try EC2ID.parse(id, as: .subnet) }
        let maxResults = try MaxResults.validate(input.maxResults, range: 5...1000)
        let inventory = try await VPCInventory.load(in: context)
        var views = inventory.subnetViews(nicsInUse: try await VPCInventory.nicsInUse(in: context), in: context)
        if !ids.isEmpty {
            let found = Set(views.map(\.subnetId))
            let missing = ids.map(\.description).filter { !found.contains($0) }
            if !missing.isEmpty { throw EC2Error.notFound(.subnet, ids: missing) }
            let wanted = Set(ids.map(\.description))
            views = views.filter { wanted.contains($0.subnetId) }
        }
        views = filters.apply(views)
        views.sort { $0.subnetId.utf8.lexicographicallyPrecedes($1.subnetId.utf8) }
        let scope = Pager.scope([
            name, context.accessKeyID, Pager.describe(input.filters), (input.subnetIds ?? []).joined(separator: ","),
        ])
        let page = try Pager(codec: context.pageTokens, scope: scope).page(
            views, key: \.subnetId, maxResults: maxResults, nextToken: input.nextToken)
        return Output(subnetSet: page.items, nextToken: page.nextToken)
    }
}
