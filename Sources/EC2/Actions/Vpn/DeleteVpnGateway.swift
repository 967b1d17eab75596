import CloudStack

/// `DeleteVpnGateway` [listVPCs, listVpnGateways]: a detached gateway is nothing in CloudStack, so
/// deleting it succeeds (it stays listed, as every VPC's is); an attached one → `IncorrectState`
/// (detach it first, as on EC2).
enum DeleteVpnGateway: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let vpnGatewayId: String?
        enum CodingKeys: String, CodingKey { case vpnGatewayId = "VpnGatewayId" }
    }

    typealias Output = ReturnView
    static let name = "DeleteVpnGateway"

    static func validate(_ input: Input) throws(EC2Error) {
        guard let id = input.vpnGatewayId, !id.isEmpty else { throw EC2Error.missingParameter("VpnGatewayId") }
        _ = try EC2ID.parse(id, as: .vpnGateway)
    }

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let view = try await VpnGatewayLookup.view(input.vpnGatewayId, in: context)
        if view.attached {
            throw EC2Error(
                code: "IncorrectState", message: "The VPN gateway '\(view.vpnGatewayId)' is attached to \(view.vpcId); detach it first.")
        }
        return ReturnView(value: true)
    }
}
