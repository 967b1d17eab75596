import CloudStack

/// `CreateVpc` [listZones, listVPCOfferings, createVPC, createTags]: a CloudStack VPC with the
/// configured VPC offering (`ec2.vpcOffering`), in the first advanced zone without security groups
/// (by name); its name is the `Name` tag, else `ec2-vpc`. IPv6, IPAM pools and any tenancy but
/// `default` are refused naming the member; with only zones that use security groups the answer is
/// `UnsupportedOperation` (decision 0009 §5).
enum CreateVpc: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let cidrBlock: String?
        let instanceTenancy: String?
        let amazonProvidedIpv6CidrBlock: Bool?
        let ipv6Pool: String?
        let ipv6CidrBlock: String?
        let ipv4IpamPoolId: String?
        let ipv4NetmaskLength: Int?
        let ipv6IpamPoolId: String?
        let ipv6NetmaskLength: Int?
        let ipv6CidrBlockNetworkBorderGroup: String?
        let tagSpecifications: [TagSpecification]?
        enum CodingKeys: String, CodingKey {
            case cidrBlock = "CidrBlock"
            case instanceTenancy = "InstanceTenancy"
            case amazonProvidedIpv6CidrBlock = "AmazonProvidedIpv6CidrBlock"
            case ipv6Pool = "Ipv6Pool"
            case ipv6CidrBlock = "Ipv6CidrBlock"
            case ipv4IpamPoolId = "Ipv4IpamPoolId"
            case ipv4NetmaskLength = "Ipv4NetmaskLength"
            case ipv6IpamPoolId = "Ipv6IpamPoolId"
            case ipv6NetmaskLength = "Ipv6NetmaskLength"
            case ipv6CidrBlockNetworkBorderGroup = "Ipv6CidrBlockNetworkBorderGroup"
            case tagSpecifications = "TagSpecification"
        }
    }

    /// The result.
    struct Output: TemplateModel {
        let vpc: VpcView
        static let templateFields: TemplateFields<Self> = ["vpc": .object(\.vpc)]
    }

    static let name = "CreateVpc"
    static let defaultName = "ec2-vpc"

    static func validate(_ input: Input) throws(EC2Error) {
        let refused: [(String, Bool)] = [
            ("AmazonProvidedIpv6CidrBlock", input.amazonProvidedIpv6CidrBlock == true), ("Ipv6Pool", input.ipv6Pool != nil),
            ("Ipv6CidrBlock", input.ipv6CidrBlock != nil), ("Ipv6IpamPoolId", input.ipv6IpamPoolId != nil),
            ("Ipv6NetmaskLength", input.ipv6NetmaskLength != nil),
            ("Ipv6CidrBlockNetworkBorderGroup", input.ipv6CidrBlockNetworkBorderGroup != nil),
        ]
        for (member, given) in refused where given {
            throw EC2Error.unsupportedOperation("\(member) is not supported: CloudStack VPCs have one IPv4 CIDR and no IPv6 block")
        }
        for (member, given) in [("Ipv4IpamPoolId", input.ipv4IpamPoolId != nil), ("Ipv4NetmaskLength", input.ipv4NetmaskLength != nil)]
        where given {
            throw EC2Error.unsupportedOperation("\(member) is not supported: CloudStack has no IP address manager; give CidrBlock")
        }
        guard let cidr = input.cidrBlock, !cidr.isEmpty else { throw EC2Error.missingParameter("CidrBlock") }
        try VpcCIDR.check(cidr, member: "cidrBlock", range: "InvalidVpc.Range")
        switch input.instanceTenancy ?? "default" {
        case "default": break
        case "dedicated", "host":
            throw EC2Error.unsupportedOperation(
                "InstanceTenancy '\(input.instanceTenancy ?? "")' is not supported: CloudStack VPCs have default tenancy only")
        default:
            throw EC2Error.invalidParameterValue(
                name: "InstanceTenancy", value: XMLSafeName.clip(input.instanceTenancy ?? ""), expected: "default")
        }
        _ = try TagSpecification.tags(input.tagSpecifications, for: "vpc", allowed: ["vpc"])
    }

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let tags = try TagSpecification.tags(input.tagSpecifications, for: "vpc", allowed: ["vpc"])
        let zone = try await vpcZone(in: context)
        let offering = try await ConfiguredOfferings.vpcOffering(in: context)
        let name = tags.first { $0.key == "Name" && !$0.value.isEmpty }?.value ?? defaultName
        let vpc = try await context.run(
            CommandTable.createVPC,
            ["name": name, "displaytext": name, "cidr": input.cidrBlock ?? "", "vpcofferingid": offering, "zoneid": zone])
        guard let uuid = vpc.id else { throw EC2Error.internalError() }
        // The VPC exists now: a failure to tag it must not make the client create another.
        try? await context.createTags(tags, on: [uuid], resourceType: "Vpc")
        guard let view = VpcView(vpc, tags: context.withPendingTags(vpc.tags, on: uuid)) else { throw EC2Error.internalError() }
        return Output(vpc: view)
    }

    /// The first advanced zone without security groups (by name), or `UnsupportedOperation` saying why.
    static func vpcZone(in context: ActionContext) async throws(EC2Error) -> String {
        let zones = try await context.zones()
        let eligible = zones.filter { $0.networktype == "Advanced" && $0.securitygroupsenabled != true }
            .sorted { ($0.name ?? "", $0.id ?? "") < ($1.name ?? "", $1.id ?? "") }
        guard let zone = eligible.first?.id else {
            let names = zones.compactMap(\.name)
            throw EC2Error.unsupportedOperation(
                names.count == 1
                    ? "CloudStack zone \(names[0]) has no VPCs: it uses security groups"
                    : "CloudStack zones \(names.joined(separator: ", ")) have no VPCs: they use security groups")
        }
        return zone
    }
}
