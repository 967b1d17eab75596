import CloudStack

/// `AttachVpnGateway` [listVPCs, listVpnGateways, createVpnGateway]: creates CloudStack's VPN gateway
/// for the gateway's own VPC (another VPC → `UnsupportedOperation`); already attached answers the attachment.
enum AttachVpnGateway: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let vpnGatewayId: String?
        let vpcId: String?
        enum CodingKeys: String, CodingKey {
            case vpnGatewayId = "VpnGatewayId"
            case vpcId = "VpcId"
        }
    }

    /// The result.
    struct Output: TemplateModel {
        let vpcId: String
        static let templateFields: TemplateFields<Self> = ["vpcId": .string(\.vpcId)]
    }

    static let name = "AttachVpnGateway"

    static func validate(_ input: Input) throws(EC2Error) {
        guard let id = input.vpnGatewayId, !id.isEmpty else { throw EC2Error.missingParameter("VpnGatewayId") }
        _ = try EC2ID.parse(id, as: .vpnGateway)
        guard let vpc = input.vpcId, !vpc.isEmpty else { throw EC2Error.missingParameter("VpcId") }
        _ = try EC2ID.parse(vpc, as: .vpc)
    }

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let view = try await VpnGatewayLookup.view(input.vpnGatewayId, in: context)
        try VpnGatewayLookup.checkVPC(input.vpcId, of: view)
        if !view.attached {
            let vpc = try EC2ID.parse(view.vpcId, as: .vpc)
            _ = try await context.run(CommandTable.createVpnGateway, ["vpcid": vpc.cloudStackUUID], context: .ids(.vpc, [vpc.description]))
        }
        return Output(vpcId: view.vpcId)
    }
}
