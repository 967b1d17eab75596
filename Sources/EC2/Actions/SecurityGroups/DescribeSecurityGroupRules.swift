import CloudStack

/// `DescribeSecurityGroupRules` [listSecurityGroups]: every CloudStack rule of the caller's groups as one
/// `SecurityGroupRule` (`sgr-` + the rule's UUID), by `SecurityGroupRuleId.N`, filters and pages.
enum DescribeSecurityGroupRules: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let securityGroupRuleIds: [String]?
        let filters: [Filter]?
        let maxResults: Int?
        let nextToken: String?
        enum CodingKeys: String, CodingKey {
            case securityGroupRuleIds = "SecurityGroupRuleId"
            case filters = "Filter"
            case maxResults = "MaxResults"
            case nextToken = "NextToken"
        }
    }

    /// The result.
    struct Output: TemplateModel {
        let securityGroupRuleSet: [SecurityGroupRuleView]
        let nextToken: String?
        static let templateFields: TemplateFields<Self> = [
            "securityGroupRuleSet": .list(\.securityGroupRuleSet), "nextToken": .optional(\.nextToken),
        ]
    }

    static let name = "DescribeSecurityGroupRules"

    static let filterTable = FilterTable<SecurityGroupRuleView>(
        [
            "group-id": .init { [$0.groupId] },
            "security-group-rule-id": .init { [$0.securityGroupRuleId] },
        ],
        tags: { $0.tagSet.map { ($0.key, $0.value) } })

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let filters = try FilterSet(input.filters, table: filterTable)
        let maxResults = try MaxResults.validate(input.maxResults)
        let ids = try (input.securityGroupRuleIds ?? []).map { id throws(EC2Error) in
            try EC2ID.parse(id, as: .securityGroupRule).description
        }
        let groups = try await SecurityGroupLookup.all(in: context)
        var views = SecurityGroupMapping.ruleViews(groups, known: groups)
        if !ids.isEmpty {
            let found = Set(views.map(\.securityGroupRuleId))
            let missing = ids.filter { !found.contains($0) }
            if !missing.isEmpty { throw EC2Error.notFound(.securityGroupRule, ids: missing) }
            let wanted = Set(ids)
            views = views.filter { wanted.contains($0.securityGroupRuleId) }
        }
        views = filters.apply(views).sorted { $0.securityGroupRuleId.utf8.lexicographicallyPrecedes($1.securityGroupRuleId.utf8) }
        let scope = Pager.scope([name, context.accessKeyID, Pager.describe(input.filters), ids.joined(separator: ",")])
        let page = try Pager(codec: context.pageTokens, scope: scope).page(
            views, key: \.securityGroupRuleId, maxResults: maxResults, nextToken: input.nextToken)
        return Output(securityGroupRuleSet: page.items, nextToken: page.nextToken)
    }
}
