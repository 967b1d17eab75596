import CloudStack
import Pipeline

/// `compute.subnetworks.insert` [listNetworkOfferings, listNetworkACLLists, createNetwork]: a tier of the network's
/// CloudStack VPC, gateway and netmask from `ipCidrRange`, on the VPC's `gce-firewalls` ACL list (decision 0011, 6).
enum SubnetworksInsert: GCEMethod {
    static let id = "compute.subnetworks.insert"
    static let httpMethod = HTTPMethod.post
    static let path = "projects/{project}/regions/{region}/subnetworks"

    /// The region and the `Subnetwork` body as far as CloudStack keeps it.
    struct Input: Sendable {
        let region: String
        let name: String
        let description: String?
        let network: String
        let range: IPv4Range
    }

    static func decode(_ request: MethodRequest) throws(GCEError) -> Input {
        let region = try request.name("region")
        let body = try request.json().requireObject()
        let name = try body.requiredString("name", at: "resource.name")
        guard ResourceNames.isValid(name) else {
            throw GCEError.invalid(
                "Invalid value for field 'resource.name': '\(name.prefix(128))'. Must be a match of regex '[a-z](?:[-a-z0-9]{0,61}[a-z0-9])?'"
            )
        }
        let network = try ResourceReference.name(try body.requiredString("network", at: "resource.network"), field: "resource.network")
        let text = try body.requiredString("ipCidrRange", at: "resource.ipCidrRange")
        guard let range = IPv4Range(text), range.bits >= 8, range.bits <= 29 else {
            throw GCEError.invalid(
                "Invalid value for field 'resource.ipCidrRange': '\(text.prefix(64))'. Must be an IPv4 range with a prefix "
                    + "length of 8 to 29 and its host bits clear")
        }
        try SubnetworkFields.refuseUnsupported(body)
        if let regionLink = try body.string("region", at: "resource.region"),
            try ResourceReference.name(regionLink, field: "resource.region") != region
        {
            throw GCEError.invalid("Invalid value for field 'resource.region': it must be the request's region \(region)")
        }
        return Input(
            region: region, name: name, description: try body.string("description", at: "resource.description"), network: network,
            range: range)
    }

    static func call(_ input: Input, in context: MethodCall) async throws -> Operation {
        let region = try await context.region(input.region)
        let map = try await context.networkMap()
        guard let entry = map.network(input.network) else {
            throw GCEError.notFound("projects/\(context.project)/global/networks/\(input.network)")
        }
        if map.subnetwork(input.name) != nil {
            throw GCEError.alreadyExists("projects/\(context.project)/regions/\(region.name)/subnetworks/\(input.name)")
        }
        guard let vpc = entry.vpc, let vpcID = vpc.id else {
            throw GCEError.invalid(
                "Invalid value for field 'resource.network': network \(entry.name) is "
                    + (entry.isDefault ? "the CloudStack zones' shared networks" : "a CloudStack guest network outside a VPC")
                    + ", which cannot have more subnetworks: insert a network (a CloudStack VPC) for them")
        }
        guard let vpcRange = vpc.cidr.flatMap(IPv4Range.init), vpcRange.contains(input.range) else {
            throw GCEError.invalid(
                "Invalid value for field 'resource.ipCidrRange': '\(input.range.text)' is outside network \(entry.name)'s "
                    + "CloudStack VPC range \(vpc.cidr ?? "?")")
        }
        if let clash = entry.subnetworks.first(where: { $0.row.cidr.flatMap(IPv4Range.init)?.overlaps(input.range) ?? false }) {
            throw GCEError.invalid(
                "Invalid value for field 'resource.ipCidrRange': '\(input.range.text)' overlaps subnetwork \(clash.name) "
                    + "(\(clash.row.cidr ?? ""))")
        }
        let list = try await context.firewallList(vpcID: vpcID)
        let tier = try await context.createTier(
            name: input.name, description: input.description, range: input.range, vpcID: vpcID, zoneID: vpc.zoneid ?? "",
            aclID: list)
        return context.done(.subnetworkInsert, target: tier.id ?? "", scope: .region(region.name), targetName: input.name)
    }
}

/// The `Subnetwork` members CloudStack cannot keep, refused naming them unless at GCE's defaults.
enum SubnetworkFields {
    static func refuseUnsupported(_ body: BodyValue) throws(GCEError) {
        if !(try body.array("secondaryIpRanges", at: "resource.secondaryIpRanges")).isEmpty {
            throw GCEError.unsupported("resource.secondaryIpRanges")
        }
        try body.refuseUnsupported("privateIpGoogleAccess", at: "resource.privateIpGoogleAccess", accepting: ["false"])
        try body.refuseUnsupported("purpose", at: "resource.purpose", accepting: ["PRIVATE"])
        try body.refuseUnsupported("stackType", at: "resource.stackType", accepting: ["IPV4_ONLY"])
        try body.refuseUnsupported("enableFlowLogs", at: "resource.enableFlowLogs", accepting: ["false"])
        try body.refuseUnsupported("allowSubnetCidrRoutesOverlap", at: "resource.allowSubnetCidrRoutesOverlap", accepting: ["false"])
        try body.refuseUnsupported("privateIpv6GoogleAccess", at: "resource.privateIpv6GoogleAccess", accepting: ["DISABLE_GOOGLE_ACCESS"])
        for key in ["logConfig", "params"] { try body.refuseUnsupported(key, at: "resource.\(key)", accepting: ["{}"]) }
        for key in ["role", "ipv6AccessType", "reservedInternalRange", "ipCollection", "externalIpv6Prefix", "ipv6CidrRange"] {
            try body.refuseUnsupported(key, at: "resource.\(key)", accepting: [""])
        }
    }
}
