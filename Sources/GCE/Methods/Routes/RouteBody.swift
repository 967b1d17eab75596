/// The `Route` resource of `routes.insert`, as far as CloudStack can honour it: `name`, `description`, `network`,
/// `destRange` (IPv4) and `nextHopIp` (a VPC private gateway's next hop), with the default `priority` (1000) and no
/// `tags`. Every other next hop (instances, VPN tunnels, internal load balancers, gateways, networks), instance
/// tags and other priorities are refused naming the field: CloudStack static routes go to private gateways only
/// and apply to the whole VPC.
struct RouteBody: Sendable {
    let name: String
    let description: String?
    /// The last segment of `network`.
    let network: String
    let destRange: String
    let nextHopIp: String

    static let outputOnly: Set<String> = [
        "kind", "id", "creationTimestamp", "selfLink", "routeType", "routeStatus", "warnings", "asPaths", "nextHopHub",
        "nextHopInterRegionCost", "nextHopInterconnectAttachment", "nextHopMed", "nextHopOrigin", "nextHopPeering",
    ]

    init(_ request: MethodRequest) throws(GCEError) {
        let body = try request.json().requireObject()
        try body.refuseUnsupported("priority", at: "resource.priority", accepting: [String(RouteTable.defaultPriority)])
        if !(try body.strings("tags", at: "resource.tags")).isEmpty { throw GCEError.unsupported("resource.tags") }
        if let gateway = try body.string("nextHopGateway", at: "resource.nextHopGateway") {
            let reason =
                gateway.hasSuffix("/default-internet-gateway") || gateway == "default-internet-gateway"
                ? "the route to default-internet-gateway is each network's system route; CloudStack static routes go to VPC private gateways only (nextHopIp)"
                : "CloudStack static routes go to VPC private gateways only (nextHopIp)"
            throw GCEError.invalid("Invalid value for field 'resource.nextHopGateway': \(reason)")
        }
        try body.refuseMembers(
            except: ["name", "description", "network", "destRange", "nextHopIp", "priority", "tags", "nextHopGateway"],
            outputOnly: Self.outputOnly, at: "resource")
        name = try body.requiredString("name", at: "resource.name")
        guard ResourceNames.isValid(name) else { throw GCEError.invalid("Invalid value for field 'resource.name': '\(name.prefix(128))'") }
        description = try body.string("description", at: "resource.description")
        if let description, description.utf8.count > 2048 {
            throw GCEError.invalid("Invalid value for field 'resource.description': longer than 2048 characters")
        }
        network = try ResourceReference.name(try body.requiredString("network", at: "resource.network"), field: "resource.network")
        destRange = try body.requiredString("destRange", at: "resource.destRange")
        let parts = destRange.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, IPv4Text.isValid(String(parts[0])), let bits = Int(parts[1]), (0...32).contains(bits),
            String(bits) == parts[1]
        else {
            throw GCEError.invalid("Invalid value for field 'resource.destRange': '\(destRange.prefix(64))'. Must be an IPv4 CIDR range")
        }
        guard let hop = try body.string("nextHopIp", at: "resource.nextHopIp") else {
            throw GCEError.invalid(
                "Invalid value for field 'resource': a next hop is required; this cloud supports nextHopIp (a VPC private gateway) only")
        }
        guard IPv4Text.isValid(hop) else {
            throw GCEError.invalid("Invalid value for field 'resource.nextHopIp': '\(hop.prefix(64))'. Must be an IPv4 address")
        }
        nextHopIp = hop
    }

    /// The tags the static route carries: its name and the description as `gce-description`.
    var tags: [(key: String, value: String)] {
        var tags = [(key: RouteTable.nameTag, value: name)]
        if let description, !description.isEmpty { tags.append(("gce-description", description)) }
        return tags
    }
}
