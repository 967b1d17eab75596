import CloudStack

/// `DescribeSecurityGroups` [listSecurityGroups]: the caller's CloudStack security groups, all in the default
/// VPC (docs/decisions/0009-ec2-network-model.md), CloudStack's one-source rules grouped into `IpPermission`s.
enum DescribeSecurityGroups: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let groupIds: [String]?
        let groupNames: [String]?
        let filters: [Filter]?
        enum CodingKeys: String, CodingKey {
            case groupIds = "GroupId"
            case groupNames = "GroupName"
            case filters = "Filter"
        }
    }

    /// The result.
    struct Output: TemplateModel {
        let securityGroupInfo: [SecurityGroupView]
        static let templateFields: TemplateFields<Self> = ["securityGroupInfo": .list(\.securityGroupInfo)]
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
            "egress.ip-permission.cidr": .init { $0.ipPermissionsEgress.flatMap { $0.ipRanges.map(\.cidrIp) } },
        ],
        tags: { $0.tagSet.map { ($0.key, $0.value) } })

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let filters = try FilterSet(input.filters, table: filterTable)
        let ids = try (input.groupIds ?? []).map { id throws(EC2Error) in try EC2ID.parse(id, as: .securityGroup) }
        let groups = try await context.list(CommandTable.listSecurityGroups)
        var views = groups.compactMap { SecurityGroupMapping.view($0, known: groups) }
        if !ids.isEmpty {
            let missing = ids.map(\.description).filter { id in !views.contains { $0.groupId == id } }
            if !missing.isEmpty { throw EC2Error.notFound(.securityGroup, ids: missing) }
            views = views.filter { view in ids.contains { $0.description == view.groupId } }
        }
        if let names = input.groupNames, !names.isEmpty {
            for name in names where !views.contains(where: { $0.groupName == name }) {
                throw EC2Error(
                    code: "InvalidGroup.NotFound",
                    message:
                        "The security group '\(XMLSafeName.clip(name))' does not exist in default VPC '\(SecurityGroupMapping.defaultVpcID)'"
                )
            }
            views = views.filter { names.contains($0.groupName) }
        }
        return Output(securityGroupInfo: filters.apply(views))
    }
}
