import CloudStack

/// `DescribeVpnConnections` [listVpnConnections, listVpnGateways]: the caller's CloudStack connections
/// (`VpnConnectionLookup`): `pending` until CloudStack's start job ends, then `available`, with one tunnel
/// (`vgwTelemetry`: the VPC router's address, `UP` while CloudStack says `Connected`) and as static `routes`
/// the customer gateway's peer CIDRs. A connection deleted here is `deleting`, then `deleted` when asked for
/// by id. `VpnConnectionId.N`; filters `vpn-connection-id`, `customer-gateway-id`, `vpn-gateway-id`, `state`,
/// `type`, `option.static-routes-only`, `route.destination-cidr-block`, `category`.
enum DescribeVpnConnections: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let vpnConnectionIds: [String]?
        let filters: [Filter]?
        enum CodingKeys: String, CodingKey {
            case vpnConnectionIds = "VpnConnectionId"
            case filters = "Filter"
        }
    }

    /// The result.
    struct Output: TemplateModel {
        let vpnConnectionSet: [VpnConnectionView]
        static let templateFields: TemplateFields<Self> = ["vpnConnectionSet": .list(\.vpnConnectionSet)]
    }

    static let name = "DescribeVpnConnections"

    static let filterTable = FilterTable<VpnConnectionView>(
        [
            "vpn-connection-id": .init { [$0.vpnConnectionId] },
            "customer-gateway-id": .init { [$0.customerGatewayId] },
            "vpn-gateway-id": .init { [$0.vpnGatewayId] },
            "state": .init { [$0.state] },
            "type": .init { _ in ["ipsec.1"] },
            "category": .init { _ in ["VPN"] },
            "option.static-routes-only": .init { _ in ["true"] },
            "route.destination-cidr-block": .init { $0.routes.map(\.destinationCidrBlock) },
        ],
        tags: { _ in [] })

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let filters = try FilterSet(input.filters, table: filterTable)
        let ids = try (input.vpnConnectionIds ?? []).map { id throws(EC2Error) in try EC2ID.parse(id, as: .vpnConnection) }
        var views = try await VpnConnectionLookup.views(for: ids.count == 1 ? ids[0] : nil, in: context)
        if !ids.isEmpty {
            let found = Set(views.map(\.vpnConnectionId))
            for id in ids where !found.contains(id.description) {
                if let gone = VpnConnectionLookup.deleted(id.description, in: context) { views.append(gone) }
            }
            let present = Set(views.map(\.vpnConnectionId))
            let missing = ids.map(\.description).filter { !present.contains($0) }
            if !missing.isEmpty { throw EC2Error.notFound(.vpnConnection, ids: missing) }
            let wanted = Set(ids.map(\.description))
            views = views.filter { wanted.contains($0.vpnConnectionId) }
        }
        views.sort { $0.vpnConnectionId.utf8.lexicographicallyPrecedes($1.vpnConnectionId.utf8) }
        return Output(vpnConnectionSet: filters.apply(views))
    }
}
