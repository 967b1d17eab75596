import CloudStack

/// A CloudStack VPC has at most one site-to-site VPN gateway, so EC2's VPN gateway of a VPC is `vgw-` +
/// the VPC's hex, listed for every VPC: attached while CloudStack has the gateway, detached otherwise
/// (decision 0009 §8). No state is kept.
enum VpnGatewayLookup {
    /// Every VPC's VPN gateway (only the VPC `id` derives from, when given).
    static func views(for id: EC2ID? = nil, in context: ActionContext) async throws -> [VpnGatewayView] {
        var scoped = Parameters()
        if let id { scoped["id"] = id.cloudStackUUID }
        let vpcs = try await context.list(
            CommandTable.listVPCs, scoped, context: id.map { ErrorContext.ids($0.kind, [$0.description]) } ?? .none)
        if vpcs.isEmpty { return [] }
        var byVPC = Parameters()
        if let id { byVPC["vpcid"] = id.cloudStackUUID }
        let gateways = try await context.list(CommandTable.listVpnGateways, byVPC)
        return vpcs.compactMap { vpc in
            guard let uuid = vpc.id, let vpcID = EC2ID(kind: .vpc, cloudStackUUID: uuid) else { return nil }
            let gateway = gateways.first { $0.vpcid == uuid }
            return VpnGatewayView(
                vpnGatewayId: ResourceKind.vpnGateway.prefix + vpcID.hex, vpcId: vpcID.description, attached: gateway != nil,
                cloudStackID: gateway?.id, publicIP: gateway?.publicip)
        }
    }

    /// The VPN gateway `text` names, or its NotFound.
    static func view(_ text: String?, in context: ActionContext) async throws -> VpnGatewayView {
        let id = try EC2ID.parse(text ?? "", as: .vpnGateway)
        guard let view = try await views(for: id, in: context).first else { throw EC2Error.notFound(.vpnGateway, ids: [id.description]) }
        return view
    }

    /// Refuses a `VpcId` that is not the gateway's own VPC.
    static func checkVPC(_ vpcID: String?, of view: VpnGatewayView) throws(EC2Error) {
        guard let vpcID, !vpcID.isEmpty else { throw EC2Error.missingParameter("VpcId") }
        _ = try EC2ID.parse(vpcID, as: .vpc)
        if vpcID != view.vpcId {
            throw EC2Error.unsupportedOperation(
                "\(view.vpnGatewayId) is the VPN gateway of \(view.vpcId): a CloudStack VPN gateway belongs to one VPC for life.")
        }
    }
}
