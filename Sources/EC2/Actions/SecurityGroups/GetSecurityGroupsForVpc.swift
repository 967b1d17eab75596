import CloudStack

/// `GetSecurityGroupsForVpc` [listSecurityGroups]: the default VPC has every group of the caller
/// (docs/decisions/0009-ec2-network-model.md); any other VPC (a CloudStack VPC, with ACLs) has none.
enum GetSecurityGroupsForVpc: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let vpcId: String?
        let filters: [Filter]?
        let maxResults: Int?
        let nextToken: String?
        enum CodingKeys: String, CodingKey {
            case vpcId = "VpcId"
            case filters = "Filter"
            case maxResults = "MaxResults"
            case nextToken = "NextToken"
        }
    }

    /// The result.
    struct Output: TemplateModel {
        let securityGroupForVpcSet: [SecurityGroupForVpcView]
        let nextToken: String?
        static let templateFields: TemplateFields<Self> = [
            "securityGroupForVpcSet": .list(\.securityGroupForVpcSet), "nextToken": .optional(\.nextToken),
        ]
    }

    static let name = "GetSecurityGroupsForVpc"

    static let filterTable = FilterTable<SecurityGroupForVpcView>(
        [
            "group-id": .init { [$0.groupId] },
            "group-name": .init { [$0.groupName] },
            "description": .init { [$0.description] },
            "owner-id": .init { [$0.ownerId] },
        ],
        tags: { $0.tagSet.map { ($0.key, $0.value) } })

    static func validate(_ input: Input) throws(EC2Error) {
        guard let vpc = input.vpcId, !vpc.isEmpty else { throw EC2Error.missingParameter("VpcId") }
        _ = try EC2ID.parse(vpc, as: .vpc)
    }

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let filters = try FilterSet(input.filters, table: filterTable)
        let maxResults = try MaxResults.validate(input.maxResults)
        let vpc = try EC2ID.parse(input.vpcId ?? "", as: .vpc).description
        var views: [SecurityGroupForVpcView] = []
        if vpc == SecurityGroupMapping.defaultVpcID {
            let groups = try await SecurityGroupLookup.all(in: context)
            views = groups.compactMap { SecurityGroupMapping.view($0, known: groups) }.map {
                SecurityGroupForVpcView(
                    groupId: $0.groupId, groupName: $0.groupName, description: $0.groupDescription, ownerId: $0.ownerId,
                    primaryVpcId: $0.vpcId, tagSet: $0.tagSet)
            }
        }
        views = filters.apply(views).sorted { $0.groupId.utf8.lexicographicallyPrecedes($1.groupId.utf8) }
        let scope = Pager.scope([name, context.accessKeyID, Pager.describe(input.filters), vpc])
        let page = try Pager(codec: context.pageTokens, scope: scope).page(
            views, key: \.groupId, maxResults: maxResults, nextToken: input.nextToken)
        return Output(securityGroupForVpcSet: page.items, nextToken: page.nextToken)
    }
}
