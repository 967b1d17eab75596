import Pipeline

/// `compute.firewalls.get` [listSecurityGroups, listNetworkACLs]: by name or numeric id, on any network.
enum FirewallsGet: GCEMethod {
    static let id = "compute.firewalls.get"
    static let httpMethod = HTTPMethod.get
    static let path = "projects/{project}/global/firewalls/{firewall}"

    static func decode(_ request: MethodRequest) throws(GCEError) -> NamedInput { try NamedInput(request, "firewall") }

    static func call(_ input: NamedInput, in context: MethodCall) async throws -> Firewall {
        try context.firewallRecord(input.name, in: try await context.firewallRecords().records).firewall
    }
}
