import Pipeline

/// `compute.firewalls.delete` [listSecurityGroups, deleteTags, revokeSecurityGroupIngress/Egress per rule]: the
/// operation follows the last revoke job. The `gce-tag-<t>` groups stay (instances are members of them).
enum FirewallsDelete: GCEMethod {
    static let id = "compute.firewalls.delete"
    static let httpMethod = HTTPMethod.delete
    static let path = "projects/{project}/global/firewalls/{firewall}"

    static func decode(_ request: MethodRequest) throws(GCEError) -> NamedInput { try NamedInput(request, "firewall") }

    static func call(_ input: NamedInput, in context: MethodCall) async throws -> Operation {
        let record = try context.firewallRecord(input.name, in: try await context.firewallRecords().records)
        let job = try await context.removeFirewallRules(record, awaitLast: false)
        return context.started(.firewallDelete, job: job, target: record.uuid, scope: .global, targetName: record.firewall.name)
    }
}
