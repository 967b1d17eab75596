import CloudStack

/// `DeleteCustomerGateway` [listVpnCustomerGateways, listVpnConnections, deleteVpnCustomerGateway]: one not
/// there → `InvalidCustomerGatewayID.NotFound`; one a VPN connection still uses → `IncorrectState`.
enum DeleteCustomerGateway: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let customerGatewayId: String?
        enum CodingKeys: String, CodingKey { case customerGatewayId = "CustomerGatewayId" }
    }

    typealias Output = ReturnView
    static let name = "DeleteCustomerGateway"

    static func validate(_ input: Input) throws(EC2Error) {
        guard let id = input.customerGatewayId, !id.isEmpty else { throw EC2Error.missingParameter("CustomerGatewayId") }
        _ = try EC2ID.parse(id, as: .customerGateway)
    }

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let id = try EC2ID.parse(input.customerGatewayId ?? "", as: .customerGateway)
        let errorContext = ErrorContext.ids(.customerGateway, [id.description])
        let gateways = try await context.list(CommandTable.listVpnCustomerGateways, ["id": id.cloudStackUUID], context: errorContext)
        guard gateways.contains(where: { $0.id == id.cloudStackUUID }) else {
            throw EC2Error.notFound(.customerGateway, ids: [id.description])
        }
        let connections = try await context.list(CommandTable.listVpnConnections)
        try VpnConnectionLookup.refuseInUse(connections.filter { $0.s2scustomergatewayid == id.cloudStackUUID }, what: id.description)
        _ = try await context.run(CommandTable.deleteVpnCustomerGateway, ["id": id.cloudStackUUID], context: errorContext)
        return ReturnView(value: true)
    }
}
