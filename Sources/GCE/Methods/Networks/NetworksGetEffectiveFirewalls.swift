import Pipeline

/// `compute.networks.getEffectiveFirewalls` [listNetworks, listVPCs, listZones, then as firewalls.list]: the
/// firewalls on the network (security-group rules on `default`, the VPC's `gce-firewalls` items on a VPC network);
/// another network has none the bridge serves. No firewall policies exist in CloudStack, so `firewallPolicys` is
/// never written.
enum NetworksGetEffectiveFirewalls: GCEMethod {
    static let id = "compute.networks.getEffectiveFirewalls"
    static let httpMethod = HTTPMethod.get
    static let path = "projects/{project}/global/networks/{network}/getEffectiveFirewalls"

    static func decode(_ request: MethodRequest) throws(GCEError) -> NamedInput { try NamedInput(request, "network") }

    static func call(_ input: NamedInput, in context: MethodCall) async throws -> EffectiveFirewalls {
        guard let entry = try await context.networkMap().network(input.name) else {
            throw GCEError.notFound("projects/\(context.project)/global/networks/\(input.name)")
        }
        let vpcID = entry.vpc?.id
        guard entry.isDefault || vpcID != nil else { return EffectiveFirewalls(firewalls: []) }
        let records = try await context.firewallRecords().records
        return EffectiveFirewalls(firewalls: records.filter { $0.vpcID == vpcID }.map(\.firewall))
    }
}
