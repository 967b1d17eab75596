import CloudStack

/// botocore shape `Subnet`: a CloudStack guest network — a VPC tier, or a default-VPC subnet (a zone's
/// shared network or an isolated network outside any VPC; docs/decisions/0009-ec2-network-model.md).
struct SubnetView: TemplateModel {
    let subnetId: String
    /// `available` (CloudStack `Allocated`, `Setup`, `Implemented`), `pending` while `Implementing`.
    let state: String
    let vpcId: String
    let cidrBlock: String
    let availableIpAddressCount: Int
    let availabilityZone: String
    let availabilityZoneId: String
    let defaultForAz: Bool
    let ownerId: String
    let tagSet: [TagView]
    /// The tier's ACL list (VPC tiers only).
    let aclUUID: String?

    static let templateFields: TemplateFields<Self> = [
        "subnetId": .string(\.subnetId),
        "state": .string(\.state),
        "vpcId": .string(\.vpcId),
        "cidrBlock": .string(\.cidrBlock),
        "availableIpAddressCount": .int(\.availableIpAddressCount),
        "availabilityZone": .string(\.availabilityZone),
        "availabilityZoneId": .string(\.availabilityZoneId),
        "defaultForAz": .bool(\.defaultForAz),
        "ownerId": .string(\.ownerId),
        "tagSet": .list(\.tagSet),
    ]

    /// EC2 reserves five addresses of every subnet: network, router, DNS, future use, broadcast.
    static let reservedAddresses: Int64 = 5

    /// The subnet of a CloudStack network; `nicsInUse` is how many of the caller's NICs hold an address in it.
    init?(_ network: Network, tags: [Tag], defaultForAz: Bool, nicsInUse: Int, owner: String) {
        guard let uuid = network.id, let id = EC2ID(kind: .subnet, cloudStackUUID: uuid), let cidr = network.cidr else { return nil }
        subnetId = id.description
        state = network.state == "Implementing" ? "pending" : "available"
        vpcId = network.vpcid.flatMap { EC2ID(kind: .vpc, cloudStackUUID: $0)?.description } ?? SecurityGroupMapping.defaultVpcID
        cidrBlock = cidr
        let size = IPv4CIDR.size(cidr) ?? 0
        let free = size - Self.reservedAddresses - Int64(nicsInUse)
        availableIpAddressCount = Int(max(0, free))
        availabilityZone = network.zonename ?? ""
        availabilityZoneId = network.zoneid ?? ""
        self.defaultForAz = defaultForAz
        ownerId = network.account ?? owner
        tagSet = TagMapping.views(tags)
        aclUUID = network.vpcid == nil ? nil : network.aclid
    }
}
