import CloudStack

/// `DetachVpnGateway` [listVPCs, listVpnGateways, deleteVpnGateway]: deletes CloudStack's VPN gateway of
/// the VPC (it cannot exist detached); not attached → `InvalidVpnGatewayAttachment.NotFound`; while VPN
/// connections use it [listVpnConnections] → `IncorrectState` (CloudStack refuses).
enum DetachVpnGateway: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let vpnGatewayId: String?
        let vpcId: String?
        enum CodingKeys: String, CodingKey {
            case vpnGatewayId = "VpnGatewayId"
            case vpcId = "VpcId"
        }
    }

    typealias Output = ReturnView
    static let name = "DetachVpnGateway"

    static func validate(_ input: Input) throws(EC2Error) {
        guard let id = input.vpnGatewayId, !id.isEmpty else { throw EC2Error.missingParameter("VpnGatewayId") }
        _ = try EC2ID.parse(id, as: .vpnGateway)
        guard let vpc = input.vpcId, !vpc.isEmpty else { throw EC2Error.missingParameter("VpcId") }
        _ = try EC2ID.parse(vpc, as: .vpc)
    }

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let view = try await VpnGatewayLookup.view(input.vpnGatewayId, in: context)
        try VpnGatewayLookup.checkVPC(input.vpcId, of: view)
        guard let gateway = view.cloudStackID else {
            throw EC2Error(
                code: "InvalidVpnGatewayAttachment.NotFound",
                message: "The attachment with vpn gateway ID '\(view.vpnGatewayId)' and vpc ID '\(view.vpcId)' does not exist")
        }
        // CloudStack's refusal comes back as a failed job (530); say what is in the way instead.
        let vpc = try EC2ID.parse(view.vpcId, as: .vpc)
        try VpnConnectionLookup.refuseInUse(
            try await context.list(CommandTable.listVpnConnections, ["vpcid": vpc.cloudStackUUID]), what: view.vpnGatewayId)
        _ = try await context.run(CommandTable.deleteVpnGateway, ["id": gateway])
        return ReturnView(value: true)
    }
}
