import Pipeline

/// `compute.firewalls.update` [listSecurityGroups, then as delete and insert]: the body is the whole new firewall
/// (members left out take GCE's defaults); the id and creation time stay.
enum FirewallsUpdate: GCEMethod {
    static let id = "compute.firewalls.update"
    static let httpMethod = HTTPMethod.put
    static let path = "projects/{project}/global/firewalls/{firewall}"

    static func decode(_ request: MethodRequest) throws(GCEError) -> FirewallReplacement.Input {
        let input = try FirewallReplacement.Input(request)
        _ = try input.body.firewall(name: input.name, over: nil, links: Links(publicBaseURL: "", project: ""))
        return input
    }

    static func call(_ input: FirewallReplacement.Input, in context: MethodCall) async throws -> Operation {
        try await FirewallReplacement.replace(input.name, in: context, kind: .firewallUpdate) {
            (current: Firewall) throws(GCEError) -> Firewall in
            try input.body.firewall(name: current.name, over: nil, links: context.links)
        }
    }
}
