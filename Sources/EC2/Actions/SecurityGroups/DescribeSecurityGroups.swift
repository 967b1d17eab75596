import CloudStack

/// `DescribeSecurityGroups` [listSecurityGroups]: the caller's CloudStack security groups, all in the default
/// VPC (docs/decisions/0009-ec2-network-model.md), CloudStack's one-source rules grouped into `IpPermission`s;
/// sorted by group id and paged with `MaxResults`/`NextToken`.
enum DescribeSecurityGroups: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let groupIds: [String]?
        let groupNames: [String]?
        let filters: [Filter]?
        let maxResults: Int?
        let nextToken: String?
        enum CodingKeys: String, CodingKey {
            case groupIds = "GroupId"
            case groupNames = "GroupName"
            case filters = "Filter"
            case maxResults = "MaxResults"
            case nextToken = "NextToken"
        }
    }

    /// The result.
    struct Output: TemplateModel {
        let securityGroupInfo: [SecurityGroupView]
        let nextToken: String?
        static let templateFields: TemplateFields<Self> = [
            "securityGroupInfo": .list(\.securityGroupInfo), "nextToken": .optional(\.nextToken),
        ]
    }

    static let name = "DescribeSecurityGroups"

    static let filterTable = FilterTable<SecurityGroupView>(
        [
            "group-id": .init { [$0.groupId] },
            "group-name": .init { [$0.groupName] },
            "description": .init { [$0.groupDescription] },
            "owner-id": .init { [$0.ownerId] },
            "vpc-id": .init { [$0.vpcId] },
            "ip-permission.protocol": .init { $0.ipPermissions.map(\.ipProtocol) },
            "ip-permission.from-port": .init { $0.ipPermissions.compactMap { $0.fromPort.map(String.init) } },
            "ip-permission.to-port": .init { $0.ipPermissions.compactMap { $0.toPort.map(String.init) } },
            "ip-permission.cidr": .init { $0.ipPermissions.flatMap { $0.ipRanges.map(\.cidrIp) } },
            "ip-permission.group-id": .init { $0.ipPermissions.flatMap { $0.groups.compactMap(\.groupId) } },
            "ip-permission.group-name": .init { $0.ipPermissions.flatMap { $0.groups.map(\.groupName) } },
            "ip-permission.user-id": .init { $0.ipPermissions.flatMap { $0.groups.map(\.userId) } },
            "egress.ip-permission.protocol": .init { $0.ipPermissionsEgress.map(\.ipProtocol) },
            "egress.ip-permission.from-port": .init { $0.ipPermissionsEgress.compactMap { $0.fromPort.map(String.init) } },
            "egress.ip-permission.to-port": .init { $0.ipPermissionsEgress.compactMap { $0.toPort.map(String.init) } },
            "egress.ip-permission.cidr": .init { $0.ipPermissionsEgress.flatMap { $0.ipRanges.map(\.cidrIp) } },
            "egress.ip-permission.group-id": .init { $0.ipPermissionsEgress.flatMap { $0.groups.compactMap(\.groupId) } },
            "egress.ip-permission.group-name": .init { $0.ipPermissionsEgress.flatMap { $0.groups.map(\.groupName) } },
            "egress.ip-permission.user-id": .init { $0.ipPermissionsEgress.flatMap { $0.groups.map(\.userId) } },
        ],
        tags: { $0.tagSet.map { ($0.key, $0.value) } })

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let filters = try FilterSet(input.filters, table: filterTable)
        let ids = try (input.groupIds ?? []).map { id throws(EC2Error) in try EC2ID.parse(id, as: .securityGroup) }
        let maxResults = try MaxResults.validate(input.maxResults)
        guard input.maxResults == nil || (ids.isEmpty && (input.groupNames ?? []).isEmpty) else {
            throw EC2Error.invalidParameterCombination("The parameter GroupId or GroupName cannot be used with the parameter MaxResults.")
        }
        let groups = try await context.list(CommandTable.listSecurityGroups)
        var views = groups.compactMap { SecurityGroupMapping.view($0, known: groups) }
        if !ids.isEmpty {
            let missing = ids.map(\.description).filter { id in !views.contains { $0.groupId == id } }
            if !missing.isEmpty { throw EC2Error.notFound(.securityGroup, ids: missing) }
            views = views.filter { view in ids.contains { $0.description == view.groupId } }
        }
        if let names = input.groupNames, !names.isEmpty {
            for name in names where !views.contains(where: { $0.groupName == name }) {
                throw SecurityGroupLookup.notFound(name: name)
            }
            views = views.filter { names.contains($0.groupName) }
        }
        views = filters.apply(views).sorted { $0.groupId.utf8.lexicographicallyPrecedes($1.groupId.utf8) }
        let scope = Pager.scope([name, context.accessKeyID, Pager.describe(input.filters)])
        let page = try Pager(codec: context.pageTokens, scope: scope).page(
            views, key: \.groupId, maxResults: maxResults, nextToken: input.nextToken)
        return Output(securityGroupInfo: page.items, nextToken: page.nextToken)
    }
}
