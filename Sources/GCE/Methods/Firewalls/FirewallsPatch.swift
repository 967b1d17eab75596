import Pipeline

/// `compute.firewalls.patch` [listSecurityGroups, listNetworkACLs, then as delete and insert]: members present replace the old
/// values (arrays wholesale); the rules are revoked and authorized again under the same id and creation time, the
/// operation following the final tag job. `name` must be the firewall's own (it cannot be renamed).
enum FirewallsPatch: GCEMethod {
    static let id = "compute.firewalls.patch"
    static let httpMethod = HTTPMethod.patch
    static let path = "projects/{project}/global/firewalls/{firewall}"

    static func decode(_ request: MethodRequest) throws(GCEError) -> FirewallReplacement.Input {
        let input = try FirewallReplacement.Input(request)
        return input
    }

    static func call(_ input: FirewallReplacement.Input, in context: MethodCall) async throws -> Operation {
        try await FirewallReplacement.replace(input, in: context, kind: .firewallPatch) {
            (current: Firewall, target: FirewallTarget) throws(GCEError) -> Firewall in
            try input.body.firewall(
                name: current.name, over: current, network: target.networkName, placement: target.placement, links: context.links)
        }
    }
}
