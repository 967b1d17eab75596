import CloudStack

/// VPN connections as EC2 shows them: CloudStack's, plus those deleted here lately (`deleting` while
/// CloudStack still lists them, then `deleted`, which the `vpn_connection_deleted` waiter needs and
/// CloudStack cannot answer).
enum VpnConnectionLookup {
    /// The caller's connections (only `id`'s, when given), with their VPN gateways named after the VPCs.
    static func views(for id: EC2ID? = nil, in context: ActionContext) async throws -> [VpnConnectionView] {
        var scoped = Parameters()
        if let id { scoped["id"] = id.cloudStackUUID }
        let connections = try await context.list(
            CommandTable.listVpnConnections, scoped, context: id.map { ErrorContext.ids($0.kind, [$0.description]) } ?? .none)
        if connections.isEmpty { return [] }
        var vpcByGateway: [String: String] = [:]
        for gateway in try await context.list(CommandTable.listVpnGateways) {
            if let gatewayID = gateway.id, let vpc = gateway.vpcid { vpcByGateway[gatewayID] = vpc }
        }
        return connections.compactMap { connection in
            guard var view = VpnConnectionView(connection, vpcByGateway: vpcByGateway) else { return nil }
            if deleted(view.vpnConnectionId, in: context) != nil { view.state = "deleting" }
            return view
        }
    }

    /// The connection `id` names, or its NotFound.
    static func view(_ id: EC2ID, in context: ActionContext) async throws -> VpnConnectionView {
        guard let view = try await views(for: id, in: context).first else { throw EC2Error.notFound(.vpnConnection, ids: [id.description]) }
        return view
    }

    /// `IncorrectState` naming `connections` when there are any: CloudStack refuses to delete a gateway a
    /// connection uses, in a failed job (530) that would reach the client as `InternalError`.
    static func refuseInUse(_ connections: [VpnConnection], what: String) throws(EC2Error) {
        let ids = connections.compactMap { $0.id.flatMap { EC2ID(kind: .vpnConnection, cloudStackUUID: $0)?.description } }
        guard !ids.isEmpty else { return }
        throw EC2Error(
            code: "IncorrectState", message: "\(what) is used by VPN connection \(ids.sorted().joined(separator: ", ")); delete it first.")
    }

    /// The last view of a connection deleted here within `GatewayMemory.deletedTTL`.
    static func deleted(_ id: String, in context: ActionContext) -> VpnConnectionView? {
        context.memory.deletedVpnConnections.value(for: context.accessKeyID + "/" + id)
    }

    /// Remembers `view` as deleted.
    static func remember(deleted view: VpnConnectionView, in context: ActionContext) {
        var gone = view
        gone.state = "deleted"
        context.memory.deletedVpnConnections.store(
            gone, for: context.accessKeyID + "/" + view.vpnConnectionId, ttl: context.memory.deletedTTL)
    }
}
