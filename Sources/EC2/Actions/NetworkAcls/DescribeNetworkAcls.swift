import CloudStack

/// `DescribeNetworkAcls` [listVPCs, listNetworkACLLists, listNetworkACLs, listNetworks]: each VPC's
/// ACL lists and CloudStack's built-in ones (`NetworkAclMapping`), with their entries, EC2's implicit
/// rule 32767 and the tiers using each. `MaxResults`/`NextToken` over the list.
enum DescribeNetworkAcls: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let networkAclIds: [String]?
        let filters: [Filter]?
        let maxResults: Int?
        let nextToken: String?
        enum CodingKeys: String, CodingKey {
            case networkAclIds = "NetworkAclId"
            case filters = "Filter"
            case maxResults = "MaxResults"
            case nextToken = "NextToken"
        }
    }

    /// The result.
    struct Output: TemplateModel {
        let networkAclSet: [NetworkAclView]
        let nextToken: String?
        static let templateFields: TemplateFields<Self> = ["networkAclSet": .list(\.networkAclSet), "nextToken": .optional(\.nextToken)]
    }

    static let name = "DescribeNetworkAcls"

    static let filterTable = FilterTable<NetworkAclView>(
        [
            "network-acl-id": .init { [$0.networkAclId] },
            "vpc-id": .init { [$0.vpcId] },
            "default": .init { [$0.isDefault ? "true" : "false"] },
            "owner-id": .init { [$0.ownerId] },
            "association.association-id": .init { $0.associationSet.map(\.networkAclAssociationId) },
            "association.network-acl-id": .init { $0.associationSet.map(\.networkAclId) },
            "association.subnet-id": .init { $0.associationSet.map(\.subnetId) },
            "entry.cidr": .init { $0.entrySet.map(\.cidrBlock) },
            "entry.egress": .init { $0.entrySet.map { $0.egress ? "true" : "false" } },
            "entry.icmp.code": .init { $0.entrySet.compactMap { $0.icmpTypeCode.map { String($0.code) } } },
            "entry.icmp.type": .init { $0.entrySet.compactMap { $0.icmpTypeCode.map { String($0.type) } } },
            "entry.port-range.from": .init { $0.entrySet.compactMap { $0.portRange.map { String($0.from) } } },
            "entry.port-range.to": .init { $0.entrySet.compactMap { $0.portRange.map { String($0.to) } } },
            "entry.protocol": .init { $0.entrySet.map(\.protocol) },
            "entry.rule-action": .init { $0.entrySet.map(\.ruleAction) },
            "entry.rule-number": .init { $0.entrySet.map { String($0.ruleNumber) } },
        ],
        tags: { $0.tagSet.map { ($0.key, $0.value) } })

    static func validate(_ input: Input) throws(EC2Error) {
        if !(input.networkAclIds ?? []).isEmpty && input.maxResults != nil {
            throw EC2Error.invalidParameterCombination("The parameter networkAclIdSet cannot be used with the parameter maxResults")
        }
        _ = try MaxResults.validate(input.maxResults, range: 5...100)
    }

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let filters = try FilterSet(input.filters, table: filterTable)
        let ids = try (input.networkAclIds ?? []).map { id throws(EC2Error) in try EC2ID.parse(id, as: .networkAcl) }
        let maxResults = try MaxResults.validate(input.maxResults, range: 5...100)
        var views = try await NetworkAclMapping.views(in: context)
        if !ids.isEmpty {
            let found = Set(views.map(\.networkAclId))
            let missing = ids.map(\.description).filter { !found.contains($0) }
            if !missing.isEmpty { throw EC2Error.notFound(.networkAcl, ids: missing) }
            let wanted = Set(ids.map(\.description))
            views = views.filter { wanted.contains($0.networkAclId) }
        }
        views = filters.apply(views)
        // A built-in list shows once per VPC: the key pairs the ACL with its VPC so paging is stable.
        views.sort { ($0.networkAclId + $0.vpcId).utf8.lexicographicallyPrecedes(($1.networkAclId + $1.vpcId).utf8) }
        let scope = Pager.scope([
            name, context.accessKeyID, Pager.describe(input.filters), (input.networkAclIds ?? []).joined(separator: ","),
        ])
        let page = try Pager(codec: context.pageTokens, scope: scope).page(
            views, key: { $0.networkAclId + $0.vpcId }, maxResults: maxResults, nextToken: input.nextToken)
        return Output(networkAclSet: page.items, nextToken: page.nextToken)
    }
}
