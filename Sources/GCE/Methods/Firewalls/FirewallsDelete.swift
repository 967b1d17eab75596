import Pipeline

/// `compute.firewalls.delete` [listSecurityGroups, listNetworkACLs, deleteTags, revokeSecurityGroupIngress/Egress per
/// rule or deleteNetworkACL per item]: the operation follows the last revoke or delete job. The `gce-tag-<t>` groups
/// and the `gce-firewalls` lists stay (instances are members of the groups, tiers use the lists).
enum FirewallsDelete: GCEMethod {
    static let id = "compute.firewalls.delete"
    static let httpMethod = HTTPMethod.delete
    static let path = "projects/{project}/global/firewalls/{firewall}"

    static func decode(_ request: MethodRequest) throws(GCEError) -> NamedInput { try NamedInput(request, "firewall") }

    static func call(_ input: NamedInput, in context: MethodCall) async throws -> Operation {
        let record = try context.firewallRecord(input.name, in: try await context.firewallRecords().records)
        let job = try await context.removeFirewall(record, awaitLast: false)
        return context.started(.firewallDelete, job: job, target: record.uuid, scope: .global, targetName: record.firewall.name)
    }
}
