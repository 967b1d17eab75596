import CloudStack

/// `ReplaceVpnTunnel` [listVpnConnections, listVpnGateways, resetVpnConnection]: restarts the connection's one
/// tunnel, whose outside address is the VPC router's (`vgwTelemetry`); CloudStack's reset stops and starts it
/// (refused while the connection is still `pending`). `ApplyPendingMaintenance` has nothing to apply here.
enum ReplaceVpnTunnel: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let vpnConnectionId: String?
        let vpnTunnelOutsideIpAddress: String?
        let applyPendingMaintenance: Bool?
        enum CodingKeys: String, CodingKey {
            case vpnConnectionId = "VpnConnectionId"
            case vpnTunnelOutsideIpAddress = "VpnTunnelOutsideIpAddress"
            case applyPendingMaintenance = "ApplyPendingMaintenance"
        }
    }

    typealias Output = ReturnView
    static let name = "ReplaceVpnTunnel"

    static func validate(_ input: Input) throws(EC2Error) {
        guard let id = input.vpnConnectionId, !id.isEmpty else { throw EC2Error.missingParameter("VpnConnectionId") }
        _ = try EC2ID.parse(id, as: .vpnConnection)
        guard let address = input.vpnTunnelOutsideIpAddress, !address.isEmpty else {
            throw EC2Error.missingParameter("VpnTunnelOutsideIpAddress")
        }
        if input.applyPendingMaintenance == true {
            throw EC2Error.unsupportedOperation(
                "The parameter ApplyPendingMaintenance is not supported: CloudStack schedules no tunnel maintenance.")
        }
    }

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let id = try EC2ID.parse(input.vpnConnectionId ?? "", as: .vpnConnection)
        let view = try await VpnConnectionLookup.view(id, in: context)
        let address = input.vpnTunnelOutsideIpAddress ?? ""
        guard address == view.outsideIpAddress else {
            throw EC2Error.invalidParameterValue(
                "The VPN connection \(id) has one tunnel, outside address \(view.outsideIpAddress), not \(XMLSafeName.clip(address)).")
        }
        guard view.state == "available" else {
            throw EC2Error(
                code: "IncorrectState", message: "The VPN connection \(id) is \(view.state); its tunnel can be replaced once available.")
        }
        _ = try await context.run(
            CommandTable.resetVpnConnection, ["id": id.cloudStackUUID], context: .ids(.vpnConnection, [id.description]))
        return ReturnView(value: true)
    }
}
