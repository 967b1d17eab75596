import CloudStack

/// `DescribeCustomerGateways` [listVpnCustomerGateways]: every CloudStack VPN customer gateway the
/// caller owns, `available`, `ipsec.1`, ASN 65000 (static routing). `CustomerGatewayId.N` (one not
/// there → `InvalidCustomerGatewayID.NotFound`), filters `customer-gateway-id`, `ip-address`, `bgp-asn`,
/// `state`, `type`, `device-name`.
enum DescribeCustomerGateways: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let customerGatewayIds: [String]?
        let filters: [Filter]?
        enum CodingKeys: String, CodingKey {
            case customerGatewayIds = "CustomerGatewayId"
            case filters = "Filter"
        }
    }

    /// The result.
    struct Output: TemplateModel {
        let customerGatewaySet: [CustomerGatewayView]
        static let templateFields: TemplateFields<Self> = ["customerGatewaySet": .list(\.customerGatewaySet)]
    }

    static let name = "DescribeCustomerGateways"

    static let filterTable = FilterTable<CustomerGatewayView>(
        [
            "customer-gateway-id": .init { [$0.customerGatewayId] },
            "ip-address": .init { [$0.ipAddress] },
            "device-name": .init { [$0.deviceName] },
            "bgp-asn": .init { _ in ["65000"] },
            "state": .init { _ in ["available"] },
            "type": .init { _ in ["ipsec.1"] },
        ],
        tags: { _ in [] })

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let filters = try FilterSet(input.filters, table: filterTable)
        let ids = try (input.customerGatewayIds ?? []).map { id throws(EC2Error) in try EC2ID.parse(id, as: .customerGateway) }
        var views = try await context.list(CommandTable.listVpnCustomerGateways).compactMap(CustomerGatewayView.init)
        if !ids.isEmpty {
            let found = Set(views.map(\.customerGatewayId))
            let missing = ids.map(\.description).filter { !found.contains($0) }
            if !missing.isEmpty { throw EC2Error.notFound(.customerGateway, ids: missing) }
            let wanted = Set(ids.map(\.description))
            views = views.filter { wanted.contains($0.customerGatewayId) }
        }
        views.sort { $0.customerGatewayId.utf8.lexicographicallyPrecedes($1.customerGatewayId.utf8) }
        return Output(customerGatewaySet: filters.apply(views))
    }
}
