/// botocore shape `SecurityGroup`: one CloudStack security group, its rules grouped into `IpPermission`s.
struct SecurityGroupView: TemplateModel {
    let groupId: String
    let groupName: String
    let groupDescription: String
    let ownerId: String
    let vpcId: String
    let ipPermissions: [IpPermissionView]
    let ipPermissionsEgress: [IpPermissionView]
    let tagSet: [TagView]

    static let templateFields: TemplateFields<Self> = [
        "groupId": .string(\.groupId),
        "groupName": .string(\.groupName),
        "groupDescription": .string(\.groupDescription),
        "ownerId": .string(\.ownerId),
        "vpcId": .string(\.vpcId),
        "ipPermissions": .list(\.ipPermissions),
        "ipPermissionsEgress": .list(\.ipPermissionsEgress),
        "tagSet": .list(\.tagSet),
    ]
}

/// botocore shape `IpPermission`: one protocol and port (or ICMP type/code) range and its sources.
struct IpPermissionView: TemplateModel, Equatable {
    let ipProtocol: String
    let fromPort: Int?
    let toPort: Int?
    var groups: [UserIdGroupPairView]
    var ipRanges: [IpRangeView]

    static let templateFields: TemplateFields<Self> = [
        "ipProtocol": .string(\.ipProtocol),
        "fromPort": .optional(\.fromPort),
        "toPort": .optional(\.toPort),
        "groups": .list(\.groups),
        "ipRanges": .list(\.ipRanges),
    ]
}

/// botocore shape `IpRange`.
struct IpRangeView: TemplateModel, Equatable {
    let cidrIp: String
    static let templateFields: TemplateFields<Self> = ["cidrIp": .string(\.cidrIp)]
}

/// botocore shape `UserIdGroupPair`: another group (by CloudStack account and name) as a source.
struct UserIdGroupPairView: TemplateModel, Equatable {
    let userId: String
    let groupId: String?
    let groupName: String
    static let templateFields: TemplateFields<Self> = [
        "userId": .string(\.userId), "groupId": .optional(\.groupId), "groupName": .string(\.groupName),
    ]
}
