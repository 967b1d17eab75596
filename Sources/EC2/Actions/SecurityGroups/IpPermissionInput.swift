/// `IpPermissions.N` as awscli and boto3 send it (botocore shape `IpPermission`; `UserIdGroupPairs` travel as `Groups`).
struct IpPermissionInput: Decodable, Sendable {
    /// `IpRanges.N`.
    struct IpRange: Decodable, Sendable {
        let cidrIp: String?
        let description: String?
        enum CodingKeys: String, CodingKey {
            case cidrIp = "CidrIp"
            case description = "Description"
        }
    }
    /// `Ipv6Ranges.N`: decoded only to be refused by name (CloudStack 4.18 security groups take IPv4 CIDRs here).
    struct Ipv6Range: Decodable, Sendable {
        let cidrIpv6: String?
        let description: String?
        enum CodingKeys: String, CodingKey {
            case cidrIpv6 = "CidrIpv6"
            case description = "Description"
        }
    }
    /// `PrefixListIds.N`: decoded only to be refused by name (CloudStack has no prefix lists).
    struct PrefixListId: Decodable, Sendable {
        let prefixListId: String?
        let description: String?
        enum CodingKeys: String, CodingKey {
            case prefixListId = "PrefixListId"
            case description = "Description"
        }
    }
    /// `Groups.N` (`UserIdGroupPair`): another security group as the source or destination.
    struct GroupPair: Decodable, Sendable {
        let groupId: String?
        let groupName: String?
        let userId: String?
        let description: String?
        let vpcId: String?
        let vpcPeeringConnectionId: String?
        let peeringStatus: String?
        enum CodingKeys: String, CodingKey {
            case groupId = "GroupId"
            case groupName = "GroupName"
            case userId = "UserId"
            case description = "Description"
            case vpcId = "VpcId"
            case vpcPeeringConnectionId = "VpcPeeringConnectionId"
            case peeringStatus = "PeeringStatus"
        }
    }
    let ipProtocol: String?
    let fromPort: Int?
    let toPort: Int?
    let groups: [GroupPair]?
    let ipRanges: [IpRange]?
    let ipv6Ranges: [Ipv6Range]?
    let prefixListIds: [PrefixListId]?
    enum CodingKeys: String, CodingKey {
        case ipProtocol = "IpProtocol"
        case fromPort = "FromPort"
        case toPort = "ToPort"
        case groups = "Groups"
        case ipRanges = "IpRanges"
        case ipv6Ranges = "Ipv6Ranges"
        case prefixListIds = "PrefixListIds"
    }

    init(
        ipProtocol: String?, fromPort: Int?, toPort: Int?, groups: [GroupPair]?, ipRanges: [IpRange]?
    ) {
        (self.ipProtocol, self.fromPort, self.toPort, self.groups, self.ipRanges) = (ipProtocol, fromPort, toPort, groups, ipRanges)
        (ipv6Ranges, prefixListIds) = (nil, nil)
    }
}
