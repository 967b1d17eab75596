import CloudStack

/// What `patch` and `update` share: the new firewall replaces the old one's rules under the same id.
enum FirewallReplacement {
    /// The firewall named in the path and the body for it.
    struct Input: Sendable {
        let name: String
        let body: FirewallBody

        /// Reads `firewall` and the body; a `name` in the body must be the firewall's own (no renaming).
        init(_ request: MethodRequest) throws(GCEError) {
            name = try request.name("firewall")
            body = try FirewallBody(try request.json().requireObject())
            if let given = body.name, given != name, !ResourceID.isNumeric(name) {
                throw GCEError.invalid("Invalid value for field 'resource.name': '\(given.prefix(64))'. A firewall cannot be renamed")
            }
        }
    }

    /// Revokes the old rules (every job awaited), then authorizes and tags the new ones; if that fails, the old
    /// firewall is put back as it was. An unchanged firewall is answered DONE with no CloudStack change.
    static func replace(
        _ name: String, in context: MethodCall, kind: OperationName.Kind, _ build: (Firewall) throws(GCEError) -> Firewall
    ) async throws -> Operation {
        let records = try await context.firewallRecords().records
        let record = try context.firewallRecord(name, in: records)
        var firewall = try build(record.firewall)
        firewall.id = record.firewall.id
        firewall.creationTimestamp = record.firewall.creationTimestamp
        guard firewall != record.firewall else {
            return context.done(kind, target: record.uuid, scope: .global, targetName: record.firewall.name)
        }
        _ = try await context.removeFirewallRules(record, awaitLast: true)
        let remaining = try await context.listAll(CommandTable.listSecurityGroups)
        do {
            let created = try await context.createFirewallRules(firewall, uuid: record.uuid, groups: remaining)
            return context.started(kind, job: created.tagJob, target: created.uuid, scope: .global, targetName: firewall.name)
        } catch {
            _ = try? await context.createFirewallRules(record.firewall, uuid: record.uuid, groups: remaining)
            throw error
        }
    }
}
