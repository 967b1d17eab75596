import Pipeline

/// `compute.firewalls.update` [listSecurityGroups, listNetworkACLs, then as delete and insert]: the body is the whole
/// new firewall (members left out take GCE's defaults, but `network` stays the firewall's); the id and creation
/// time stay.
enum FirewallsUpdate: GCEMethod {
    static let id = "compute.firewalls.update"
    static let httpMethod = HTTPMethod.put
    static let path = "projects/{project}/global/firewalls/{firewall}"

    static func decode(_ request: MethodRequest) throws(GCEError) -> FirewallReplacement.Input {
        let input = try FirewallReplacement.Input(request)
        _ = try input.body.firewall(
            name: input.name, over: nil, network: input.body.networkName,
            // Without `network` the firewall stays on its own, which only `call` knows.
            placement: input.body.network == nil ? nil : input.body.knownPlacement, links: Links(publicBaseURL: "", project: ""))
        return input
    }

    static func call(_ input: FirewallReplacement.Input, in context: MethodCall) async throws -> Operation {
        try await FirewallReplacement.replace(input, in: context, kind: .firewallUpdate) {
            (current: Firewall, target: FirewallTarget) throws(GCEError) -> Firewall in
            try input.body.firewall(
                name: current.name, over: nil, network: target.networkName, placement: target.placement, links: context.links)
        }
    }
}
