/// botocore shape `NetworkAcl`: a CloudStack ACL list as seen from one VPC.
struct NetworkAclView: TemplateModel {
    let networkAclId: String
    let vpcId: String
    let isDefault: Bool
    let ownerId: String
    let entrySet: [NetworkAclEntryView]
    let associationSet: [NetworkAclAssociationView]
    let tagSet: [TagView]

    static let templateFields: TemplateFields<Self> = [
        "networkAclId": .string(\.networkAclId),
        "vpcId": .string(\.vpcId),
        "default": .bool(\.isDefault),
        "ownerId": .string(\.ownerId),
        "entrySet": .list(\.entrySet),
        "associationSet": .list(\.associationSet),
        "tagSet": .list(\.tagSet),
    ]
}

/// botocore shape `NetworkAclEntry`: one CloudStack ACL item (one per CIDR), or EC2's implicit `*` rule 32767.
struct NetworkAclEntryView: TemplateModel {
    let ruleNumber: Int
    let `protocol`: String
    let ruleAction: String
    let egress: Bool
    let cidrBlock: String
    let portRange: PortRangeView?
    let icmpTypeCode: IcmpTypeCodeView?

    static let templateFields: TemplateFields<Self> = [
        "ruleNumber": .int(\.ruleNumber),
        "protocol": .string(\.protocol),
        "ruleAction": .string(\.ruleAction),
        "egress": .bool(\.egress),
        "cidrBlock": .string(\.cidrBlock),
        "portRange": .optional(\.portRange),
        "icmpTypeCode": .optional(\.icmpTypeCode),
    ]
}

/// botocore shape `PortRange`.
struct PortRangeView: TemplateModel {
    let from: Int
    let to: Int
    static let templateFields: TemplateFields<Self> = ["from": .int(\.from), "to": .int(\.to)]
}

/// botocore shape `IcmpTypeCode`.
struct IcmpTypeCodeView: TemplateModel {
    let type: Int
    let code: Int
    static let templateFields: TemplateFields<Self> = ["type": .int(\.type), "code": .int(\.code)]
}

/// botocore shape `NetworkAclAssociation`: a VPC tier and its ACL list, `aclassoc-` + the tier's hex.
struct NetworkAclAssociationView: TemplateModel {
    let networkAclAssociationId: String
    let networkAclId: String
    let subnetId: String

    static let templateFields: TemplateFields<Self> = [
        "networkAclAssociationId": .string(\.networkAclAssociationId),
        "networkAclId": .string(\.networkAclId),
        "subnetId": .string(\.subnetId),
    ]
}
