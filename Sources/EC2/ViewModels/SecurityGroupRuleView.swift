/// botocore shape `SecurityGroupRule` (and, rendered by its own partial, `RevokedSecurityGroupRule`): one CloudStack rule.
struct SecurityGroupRuleView: TemplateModel {
    let securityGroupRuleId: String
    let groupId: String
    let groupOwnerId: String
    let isEgress: Bool
    let ipProtocol: String
    let fromPort: Int?
    let toPort: Int?
    let cidrIpv4: String?
    /// Zero or one referenced group.
    let referencedGroupInfo: [ReferencedGroupView]
    let tagSet: [TagView]

    /// `referencedGroupId` of `RevokedSecurityGroupRule`.
    var referencedGroupId: String? { referencedGroupInfo.first?.groupId }

    static let templateFields: TemplateFields<Self> = [
        "securityGroupRuleId": .string(\.securityGroupRuleId),
        "groupId": .string(\.groupId),
        "groupOwnerId": .string(\.groupOwnerId),
        "isEgress": .bool(\.isEgress),
        "ipProtocol": .string(\.ipProtocol),
        "fromPort": .optional(\.fromPort),
        "toPort": .optional(\.toPort),
        "cidrIpv4": .optional(\.cidrIpv4),
        "referencedGroupInfo": .list(\.referencedGroupInfo),
        "referencedGroupId": .optional(\.referencedGroupId),
        "tagSet": .list(\.tagSet),
    ]
}

/// botocore shape `ReferencedSecurityGroup`: the group a rule names as its source (by CloudStack account).
struct ReferencedGroupView: TemplateModel {
    let groupId: String?
    let userId: String
    static let templateFields: TemplateFields<Self> = ["groupId": .optional(\.groupId), "userId": .string(\.userId)]
}

/// botocore shape `SecurityGroupForVpc`.
struct SecurityGroupForVpcView: TemplateModel {
    let groupId: String
    let groupName: String
    let description: String
    let ownerId: String
    let primaryVpcId: String
    let tagSet: [TagView]
    static let templateFields: TemplateFields<Self> = [
        "groupId": .string(\.groupId), "groupName": .string(\.groupName), "description": .string(\.description),
        "ownerId": .string(\.ownerId), "primaryVpcId": .string(\.primaryVpcId), "tagSet": .list(\.tagSet),
    ]
}
