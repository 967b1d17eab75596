import CloudStack

/// `DeleteVpnConnection` [listVpnConnections, listVpnGateways, deleteVpnConnection]: submits CloudStack's
/// delete and answers at once, as EC2 does; the connection is `deleting` while CloudStack still lists it, then
/// `deleted` for an hour (`VpnConnectionLookup`). One not there → `InvalidVpnConnectionID.NotFound`; one
/// already deleted here succeeds again.
enum DeleteVpnConnection: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let vpnConnectionId: String?
        enum CodingKeys: String, CodingKey { case vpnConnectionId = "VpnConnectionId" }
    }

    typealias Output = ReturnView
    static let name = "DeleteVpnConnection"

    static func validate(_ input: Input) throws(EC2Error) {
        guard let id = input.vpnConnectionId, !id.isEmpty else { throw EC2Error.missingParameter("VpnConnectionId") }
        _ = try EC2ID.parse(id, as: .vpnConnection)
    }

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let id = try EC2ID.parse(input.vpnConnectionId ?? "", as: .vpnConnection)
        guard let view = try await VpnConnectionLookup.views(for: id, in: context).first else {
            if VpnConnectionLookup.deleted(id.description, in: context) != nil { return ReturnView(value: true) }
            throw EC2Error.notFound(.vpnConnection, ids: [id.description])
        }
        if view.state == "deleting" { return ReturnView(value: true) }
        _ = try await context.submit(
            CommandTable.deleteVpnConnection, ["id": id.cloudStackUUID], context: .ids(.vpnConnection, [id.description]))
        VpnConnectionLookup.remember(deleted: view, in: context)
        return ReturnView(value: true)
    }
}
