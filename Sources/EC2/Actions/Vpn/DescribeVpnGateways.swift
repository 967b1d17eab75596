import CloudStack

/// `DescribeVpnGateways` [listVPCs, listVpnGateways]: one per CloudStack VPC (`VpnGatewayLookup`),
/// `available`, `ipsec.1`, attached while CloudStack has the VPC's VPN gateway. `VpnGatewayId.N`,
/// filters `vpn-gateway-id`, `attachment.vpc-id`, `attachment.state`, `state`, `type`, `amazon-side-asn`.
enum DescribeVpnGateways: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let vpnGatewayIds: [String]?
        let filters: [Filter]?
        enum CodingKeys: String, CodingKey {
            case vpnGatewayIds = "VpnGatewayId"
            case filters = "Filter"
        }
    }

    /// The result.
    struct Output: TemplateModel {
        let vpnGatewaySet: [VpnGatewayView]
        static let templateFields: TemplateFields<Self> = ["vpnGatewaySet": .list(\.vpnGatewaySet)]
    }

    static let name = "DescribeVpnGateways"

    static let filterTable = FilterTable<VpnGatewayView>(
        [
            "vpn-gateway-id": .init { [$0.vpnGatewayId] },
            "attachment.vpc-id": .init { $0.attached ? [$0.vpcId] : [] },
            "attachment.state": .init { $0.attached ? ["attached"] : [] },
            "state": .init { _ in ["available"] },
            "type": .init { _ in ["ipsec.1"] },
            "amazon-side-asn": .init { _ in ["64512"] },
        ],
        tags: { _ in [] })

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let filters = try FilterSet(input.filters, table: filterTable)
        let ids = try (input.vpnGatewayIds ?? []).map { id throws(EC2Error) in try EC2ID.parse(id, as: .vpnGateway) }
        var views = try await VpnGatewayLookup.views(for: ids.count == 1 ? ids[0] : nil, in: context)
        if !ids.isEmpty {
            let found = Set(views.map(\.vpnGatewayId))
            let missing = ids.map(\.description).filter { !found.contains($0) }
            if !missing.isEmpty { throw EC2Error.notFound(.vpnGateway, ids: missing) }
            let wanted = Set(ids.map(\.description))
            views = views.filter { wanted.contains($0.vpnGatewayId) }
        }
        views.sort { $0.vpnGatewayId.utf8.lexicographicallyPrecedes($1.vpnGatewayId.utf8) }
        return Output(vpnGatewaySet: filters.apply(views))
    }
}
