import Pipeline

/// `compute.firewalls.update` [listSecurityGroups, then as delete and insert]: the body is the whole new firewall
/// (members left out take GCE's defaults); the id and creation time stay.
enum FirewallsUpdate: GCEMethod {
    static let id = "compute.firewalls.update"
    static let httpMethod = HTTPMethod.put
    static let path = "projects/{project}/global/firewalls/{firewall}"

    /// The firewall and its new content.
    struct Input: Sendable {
        let name: String
        let body: FirewallBody
    }

    static func decode(_ request: MethodRequest) throws(GCEError) -> Input {
        let name = try request.name("firewall")
        let body = try FirewallBody(try request.json().requireObject())
        try FirewallReplacement.checkName(body, name)
        _ = try body.firewall(name: name, over: nil, links: Links(publicBaseURL: "", project: ""))
        return Input(name: name, body: body)
    }

    static func call(_ input: Input, in context: MethodCall) async throws -> Operation {
        try await FirewallReplacement.replace(input.name, in: context, kind: .firewallUpdate) { (current: Firewall) throws(GCEError) -> Firewall in
            try input.body.firewall(name: current.name, over: nil, links: context.links)
        }
    }
}
