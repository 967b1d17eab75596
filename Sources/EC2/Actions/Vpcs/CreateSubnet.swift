import CloudStack

/// `CreateSubnet` [listVPCs, listNetworks, listNetworkOfferings, createNetwork, createTags]: a tier of
/// the CloudStack VPC with the configured tier offering (`ec2.vpcTierOffering`); `gateway` (the
/// first host, the VPC router's) and `netmask` come from `CidrBlock`, which must lie inside the VPC's
/// CIDR (`InvalidSubnet.Range`) and overlap no other tier (`InvalidSubnet.Conflict`). The tier gets the
/// VPC's default ACL (CloudStack's `default_deny`) until ReplaceNetworkAclAssociation. IPv6, IPAM and
/// Outposts are refused naming the member; the default VPC is `OperationNotPermitted`.
enum CreateSubnet: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let vpcId: String?
        let cidrBlock: String?
        let availabilityZone: String?
        let availabilityZoneId: String?
        let ipv6CidrBlock: String?
        let ipv6Native: Bool?
        let outpostArn: String?
        let ipv4IpamPoolId: String?
        let ipv4NetmaskLength: Int?
        let ipv6IpamPoolId: String?
        let ipv6NetmaskLength: Int?
        let tagSpecifications: [TagSpecification]?
        enum CodingKeys: String, CodingKey {
            case vpcId = "VpcId"
            case cidrBlock = "CidrBlock"
            case availabilityZone = "AvailabilityZone"
            case availabilityZoneId = "AvailabilityZoneId"
            case ipv6CidrBlock = "Ipv6CidrBlock"
            case ipv6Native = "Ipv6Native"
            case outpostArn = "OutpostArn"
            case ipv4IpamPoolId = "Ipv4IpamPoolId"
            case ipv4NetmaskLength = "Ipv4NetmaskLength"
            case ipv6IpamPoolId = "Ipv6IpamPoolId"
            case ipv6NetmaskLength = "Ipv6NetmaskLength"
            case tagSpecifications = "TagSpecification"
        }
    }

    /// The result.
    struct Output: TemplateModel {
        let subnet: SubnetView
        static let templateFields: TemplateFields<Self> = ["subnet": .object(\.subnet)]
    }

    static let name = "CreateSubnet"
    static let defaultName = "ec2-subnet"

    static func validate(_ input: Input) throws(EC2Error) {
        let refused: [(String, Bool, String)] = [
            ("Ipv6CidrBlock", input.ipv6CidrBlock != nil, "CloudStack VPC tiers have no IPv6 block"),
            ("Ipv6Native", input.ipv6Native == true, "CloudStack VPC tiers have no IPv6 block"),
            ("Ipv6IpamPoolId", input.ipv6IpamPoolId != nil, "CloudStack VPC tiers have no IPv6 block"),
            ("Ipv6NetmaskLength", input.ipv6NetmaskLength != nil, "CloudStack VPC tiers have no IPv6 block"),
            ("Ipv4IpamPoolId", input.ipv4IpamPoolId != nil, "CloudStack has no IP address manager; give CidrBlock"),
            ("Ipv4NetmaskLength", input.ipv4NetmaskLength != nil, "CloudStack has no IP address manager; give CidrBlock"),
            ("OutpostArn", input.outpostArn != nil, "CloudStack has no Outposts"),
        ]
        for (member, given, reason) in refused where given {
            throw EC2Error.unsupportedOperation("\(member) is not supported: \(reason)")
        }
        guard let vpc = input.vpcId, !vpc.isEmpty else { throw EC2Error.missingParameter("VpcId") }
        _ = try EC2ID.parse(vpc, as: .vpc)
        guard let cidr = input.cidrBlock, !cidr.isEmpty else { throw EC2Error.missingParameter("CidrBlock") }
        try VpcCIDR.check(cidr, member: "cidrBlock", range: "InvalidSubnet.Range")
        _ = try TagSpecification.tags(input.tagSpecifications, for: "subnet", allowed: ["subnet"])
    }

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let tags = try TagSpecification.tags(input.tagSpecifications, for: "subnet", allowed: ["subnet"])
        let id = try EC2ID.parse(input.vpcId ?? "", as: .vpc)
        let vpc = try await VPCInventory.cloudStackVPC(id, for: name, in: context)
        let cidr = input.cidrBlock ?? ""
        try checkZone(input, of: vpc)
        guard let vpcCIDR = vpc.cidr, IPv4CIDR.contains(vpcCIDR, cidr), let (gateway, netmask) = IPv4CIDR.gatewayAndNetmask(cidr) else {
            throw EC2Error(code: "InvalidSubnet.Range", message: "The CIDR '\(cidr)' is invalid.")
        }
        let tiers = try await context.list(CommandTable.listNetworks, ["vpcid": id.cloudStackUUID])
        if tiers.contains(where: { $0.vpcid == vpc.id && $0.cidr.map { IPv4CIDR.overlaps($0, cidr) } == true }) {
            throw EC2Error(code: "InvalidSubnet.Conflict", message: "The CIDR '\(cidr)' conflicts with another subnet")
        }
        let offering = try await ConfiguredOfferings.tierOffering(in: context)
        let name = tags.first { $0.key == "Name" && !$0.value.isEmpty }?.value ?? defaultName
        let network = try await context.call(
            CommandTable.createNetwork,
            [
                "name": name, "displaytext": name, "networkofferingid": offering, "zoneid": vpc.zoneid ?? "", "vpcid": id.cloudStackUUID,
                "gateway": gateway, "netmask": netmask,
            ],
            context: .ids(.vpc, [id.description]))
        guard let uuid = network.id else { throw EC2Error.internalError() }
        // The tier exists now: a failure to tag it must not make the client create another.
        try? await context.createTags(tags, on: [uuid], resourceType: "Network")
        guard
            let view = SubnetView(
                network, tags: context.withPendingTags(network.tags, on: uuid), defaultForAz: false, nicsInUse: 0, owner: vpc.account ?? "")
        else { throw EC2Error.internalError() }
        return Output(subnet: view)
    }

    /// `AvailabilityZone` (name) and `AvailabilityZoneId` (CloudStack zone id), when given, must be the VPC's zone.
    static func checkZone(_ input: Input, of vpc: VPC) throws(EC2Error) {
        for (member, value, expected) in [
            ("availabilityZone", input.availabilityZone, vpc.zonename), ("availabilityZoneId", input.availabilityZoneId, vpc.zoneid),
        ] {
            guard let value, value != expected else { continue }
            throw EC2Error.invalidParameterValue(
                "Value (\(XMLSafeName.clip(value))) for parameter \(member) is invalid. Subnets of this VPC can only be created in its CloudStack zone \(expected ?? "")."
            )
        }
    }
}
