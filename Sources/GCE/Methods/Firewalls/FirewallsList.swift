import Pipeline

/// `compute.firewalls.list` [listSecurityGroups, listNetworkACLs, and when a VPC network has firewalls
/// listNetworkACLLists and the network map]: the firewalls the caller's security-group rules and `gce-firewalls`
/// ACL items make.
enum FirewallsList: GCEMethod {
    static let id = "compute.firewalls.list"
    static let httpMethod = HTTPMethod.get
    static let path = "projects/{project}/global/firewalls"

    static func decode(_ request: MethodRequest) throws(GCEError) -> ListInput { try ListInput(request) }

    static func call(_ input: ListInput, in context: MethodCall) async throws -> ResourceList<Firewall> {
        let records = try await context.firewallRecords().records
        return try context.list(
            records.map(\.firewall), options: input.options, kind: "compute#firewallList", collection: "global/firewalls",
            name: \.name, created: \.creationTimestamp)
    }
}
