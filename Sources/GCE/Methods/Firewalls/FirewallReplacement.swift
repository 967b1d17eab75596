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

    /// Revokes the old rules or items (every job awaited), then creates and tags the new ones on the same network;
    /// if that fails, the old firewall is put back as it was. An unchanged firewall is answered DONE with no
    /// CloudStack change. A `network` naming another network is a 400: a firewall cannot move.
    static func replace(
        _ input: Input, in context: MethodCall, kind: OperationName.Kind,
        _ build: (Firewall, FirewallTarget) throws(GCEError) -> Firewall
    ) async throws -> Operation {
        let records = try await context.firewallRecords().records
        let record = try context.firewallRecord(input.name, in: records)
        let target = record.target
        if let wanted = input.body.network, wanted != record.networkName {
            let named = try await context.firewallTarget(wanted, field: "resource.network")
            guard named.networkName == record.networkName else {
                throw GCEError.invalid(
                    "Invalid value for field 'resource.network': '\(wanted.prefix(64))'. A firewall cannot move to another network "
                        + "(it is on \(record.networkName))")
            }
        }
        var firewall = try build(record.firewall, target)
        firewall.id = record.firewall.id
        firewall.creationTimestamp = record.firewall.creationTimestamp
        guard firewall != record.firewall else {
            return context.done(kind, target: record.uuid, scope: .global, targetName: record.firewall.name)
        }
        _ = try await context.removeFirewall(record, awaitLast: true)
        let remaining = target.vpcID == nil ? try await context.listAll(CommandTable.listSecurityGroups) : []
        do {
            let created = try await context.createFirewall(firewall, uuid: record.uuid, on: target, groups: remaining)
            return context.started(kind, job: created.tagJob, target: created.uuid, scope: .global, targetName: firewall.name)
        } catch {
            // Awaited, so that when the error is answered the old firewall reads back again.
            if let restored = try? await context.createFirewall(record.firewall, uuid: record.uuid, on: target, groups: remaining) {
                try? await context.awaitJob(restored.tagJob)
            }
            throw error
        }
    }
}
