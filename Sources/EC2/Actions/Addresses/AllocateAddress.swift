import CloudStack

/// `AllocateAddress` [listZones, listNetworks, listVPCs, associateIpAddress]: an Elastic IP is a
/// CloudStack public IP acquired for the caller's first isolated network outside a VPC (by creation
/// time) in an advanced zone without security groups, or, when it has none, for its first VPC there.
///
/// Zones with security groups (Basic, advanced SG) have no public IP ranges for users: with only those
/// the answer is `UnsupportedOperation`, and with no network of its own to hold the address it is
/// `UnsupportedOperation` too (CloudStack acquires addresses for a network or VPC, never free-standing).
enum AllocateAddress: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let domain: String?
        let address: String?
        let publicIpv4Pool: String?
        let networkBorderGroup: String?
        let customerOwnedIpv4Pool: String?
        let ipamPoolId: String?
        let tagSpecifications: [TagSpecification]?
        enum CodingKeys: String, CodingKey {
            case domain = "Domain"
            case address = "Address"
            case publicIpv4Pool = "PublicIpv4Pool"
            case networkBorderGroup = "NetworkBorderGroup"
            case customerOwnedIpv4Pool = "CustomerOwnedIpv4Pool"
            case ipamPoolId = "IpamPoolId"
            case tagSpecifications = "TagSpecification"
        }
    }

    /// The result (botocore `AllocateAddressResult`).
    struct Output: TemplateModel {
        let publicIp: String
        let allocationId: String
        let networkBorderGroup: String
        static let templateFields: TemplateFields<Self> = [
            "publicIp": .string(\.publicIp), "allocationId": .string(\.allocationId),
            "networkBorderGroup": .string(\.networkBorderGroup),
        ]
    }

    static let name = "AllocateAddress"

    static func validate(_ input: Input) throws(EC2Error) {
        if let domain = input.domain, domain != "vpc" {
            throw EC2Error.invalidParameterValue(
                name: "Domain", value: XMLSafeName.clip(domain), expected: "vpc (every address is in a VPC; EC2-Classic does not exist)")
        }
        for (member, value) in [
            ("PublicIpv4Pool", input.publicIpv4Pool), ("CustomerOwnedIpv4Pool", input.customerOwnedIpv4Pool),
            ("IpamPoolId", input.ipamPoolId),
        ] where value != nil {
            throw EC2Error.unsupportedOperation("\(member) is not supported: CloudStack allocates from its zone's public IP ranges only")
        }
        _ = try TagSpecification.tags(input.tagSpecifications, for: "elastic-ip", allowed: ["elastic-ip"])
    }

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        try AddressLookup.checkBorderGroup(input.networkBorderGroup, in: context)
        let tags = try TagSpecification.tags(input.tagSpecifications, for: "elastic-ip", allowed: ["elastic-ip"])
        var parameters = try await placement(in: context)
        if let address = input.address { parameters["ipaddress"] = address }
        let address = try await context.run(CommandTable.associateIpAddress, parameters)
        guard let uuid = address.id, let id = EC2ID(kind: .allocation, cloudStackUUID: uuid), let ip = address.ipaddress else {
            throw EC2Error.internalError()
        }
        // The address exists now: a failure to tag it must not make the client allocate again.
        try? await context.createTags(tags, on: [uuid], resourceType: "PublicIpAddress")
        return Output(publicIp: ip, allocationId: id.description, networkBorderGroup: context.configuration.region)
    }

    /// `networkid` or `vpcid` for associateIpAddress, as the type comment says.
    static func placement(in context: ActionContext) async throws(EC2Error) -> Parameters {
        let zones = try await context.zones()
        let eligible = Set(zones.filter { $0.networktype == "Advanced" && $0.securitygroupsenabled != true }.compactMap(\.id))
        guard !eligible.isEmpty else {
            let names = zones.compactMap(\.name).joined(separator: ", ")
            throw EC2Error.unsupportedOperation(
                "Elastic IPs need an advanced CloudStack zone without security groups; zones \(names) use security groups and have no public IP ranges for users"
            )
        }
        let networks = try await context.list(CommandTable.listNetworks)
        let own =
            networks
            .filter { $0.type == "Isolated" && $0.vpcid == nil && $0.zoneid.map(eligible.contains) == true }
            .sorted { ($0.created ?? "", $0.id ?? "") < ($1.created ?? "", $1.id ?? "") }
        if let network = own.first?.id { return ["networkid": network] }
        let vpcs = try await context.list(CommandTable.listVPCs)
            .filter { $0.zoneid.map(eligible.contains) == true }
            .sorted { ($0.created ?? "", $0.id ?? "") < ($1.created ?? "", $1.id ?? "") }
        if let vpc = vpcs.first?.id { return ["vpcid": vpc] }
        throw EC2Error.unsupportedOperation(
            "CloudStack acquires a public IP for a network or VPC: launch an instance or create a VPC first, then allocate the address")
    }
}
