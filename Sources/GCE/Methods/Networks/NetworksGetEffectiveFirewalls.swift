import Pipeline

/// `compute.networks.getEffectiveFirewalls` [listNetworks, listZones, listSecurityGroups]: on `default`, every
/// firewall (all are security-group rules there); another network has none the bridge serves. No firewall
/// policies exist in CloudStack, so `firewallPolicys` is never written.
enum NetworksGetEffectiveFirewalls: GCEMethod {
    static let id = "compute.networks.getEffectiveFirewalls"
    static let httpMethod = HTTPMethod.get
    static let path = "projects/{project}/global/networks/{network}/getEffectiveFirewalls"

    static func decode(_ request: MethodRequest) throws(GCEError) -> NamedInput { try NamedInput(request, "network") }

    static func call(_ input: NamedInput, in context: MethodCall) async throws -> EffectiveFirewalls {
        guard let entry = try await context.networkMap().network(input.name) else {
            throw GCEError.notFound("projects/\(context.project)/global/networks/\(input.name)")
        }
        guard entry.name == "default" else { return EffectiveFirewalls(firewalls: []) }
        return EffectiveFirewalls(firewalls: try await context.firewallRecords().records.map(\.firewall))
    }
}
