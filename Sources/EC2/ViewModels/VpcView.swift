import CloudStack

/// botocore shape `Vpc`: a CloudStack VPC, or the synthetic default VPC (docs/decisions/0009-ec2-network-model.md).
struct VpcView: TemplateModel {
    let vpcId: String
    /// `available`, or `pending` while CloudStack's createVPC job runs (its state `Inactive`).
    let state: String
    let cidrBlock: String
    /// `vpc-cidr-assoc-` + the VPC's hex: a CloudStack VPC has exactly one IPv4 CIDR.
    let cidrAssociationId: String
    let ownerId: String
    let isDefault: Bool
    let tagSet: [TagView]
    /// The zone the VPC is in (none for the default VPC, which spans every zone's networks).
    let zoneName: String?
    /// The fixed DHCP options set every VPC is served by (DescribeDhcpOptions).
    var dhcpOptionsId: String { DescribeDhcpOptions.fixedID }

    static let templateFields: TemplateFields<Self> = [
        "vpcId": .string(\.vpcId),
        "state": .string(\.state),
        "cidrBlock": .string(\.cidrBlock),
        "cidrAssociationId": .string(\.cidrAssociationId),
        "dhcpOptionsId": .string(\.dhcpOptionsId),
        "ownerId": .string(\.ownerId),
        "isDefault": .bool(\.isDefault),
        "tagSet": .list(\.tagSet),
    ]

    /// The association id prefix EC2 uses for a VPC's IPv4 CIDR blocks.
    static let cidrAssociationPrefix = "vpc-cidr-assoc-"

    /// A CloudStack VPC; nil without a UUID or CIDR.
    init?(_ vpc: VPC, tags: [Tag]) {
        guard let uuid = vpc.id, let id = EC2ID(kind: .vpc, cloudStackUUID: uuid), let cidr = vpc.cidr else { return nil }
        vpcId = id.description
        state = vpc.state == "Inactive" ? "pending" : "available"
        cidrBlock = cidr
        cidrAssociationId = Self.cidrAssociationPrefix + id.hex
        ownerId = vpc.account ?? ""
        isDefault = false
        tagSet = TagMapping.views(tags)
        zoneName = vpc.zonename
    }

    /// The synthetic default VPC, covering `cidrBlock`.
    init(defaultCovering cidrBlock: String, ownerId: String) {
        vpcId = SecurityGroupMapping.defaultVpcID
        state = "available"
        self.cidrBlock = cidrBlock
        cidrAssociationId = Self.cidrAssociationPrefix + String(repeating: "0", count: 32)
        self.ownerId = ownerId
        isDefault = true
        tagSet = []
        zoneName = nil
    }
}
