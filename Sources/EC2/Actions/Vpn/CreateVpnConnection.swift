import CloudStack

/// `CreateVpnConnection` [listVPCs, listVpnGateways, listVpnCustomerGateways, listVpnConnections,
/// createVpnConnection]: a CloudStack connection between the VPC's VPN gateway (attached: CloudStack's exists)
/// and a customer gateway, answered `pending` while CloudStack's start job runs (decision 0009 §8).
/// `Type` `ipsec.1`; static routing only; transit gateways, VPN concentrators, tags, Secrets Manager keys and
/// every tunnel option are refused naming the member. CloudStack holds one connection per gateway pair.
enum CreateVpnConnection: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let type: String?
        let customerGatewayId: String?
        let vpnGatewayId: String?
        let transitGatewayId: String?
        let vpnConcentratorId: String?
        let preSharedKeyStorage: String?
        let tagSpecifications: [TagSpecification]?
        let options: VpnConnectionOptions?
        enum CodingKeys: String, CodingKey {
            case type = "Type"
            case customerGatewayId = "CustomerGatewayId"
            case vpnGatewayId = "VpnGatewayId"
            case transitGatewayId = "TransitGatewayId"
            case vpnConcentratorId = "VpnConcentratorId"
            case preSharedKeyStorage = "PreSharedKeyStorage"
            case tagSpecifications = "TagSpecification"
            case options = "Options"
        }
    }

    /// The result.
    struct Output: TemplateModel {
        let vpnConnection: VpnConnectionView
        static let templateFields: TemplateFields<Self> = ["vpnConnection": .object(\.vpnConnection)]
    }

    static let name = "CreateVpnConnection"

    static func validate(_ input: Input) throws(EC2Error) {
        guard let type = input.type, !type.isEmpty else { throw EC2Error.missingParameter("Type") }
        guard type == "ipsec.1" else {
            throw EC2Error.invalidParameterValue("Value (\(XMLSafeName.clip(type))) for parameter type is invalid. Expecting ipsec.1.")
        }
        guard let customer = input.customerGatewayId, !customer.isEmpty else { throw EC2Error.missingParameter("CustomerGatewayId") }
        _ = try EC2ID.parse(customer, as: .customerGateway)
        if input.transitGatewayId != nil {
            throw EC2Error.unsupportedOperation("The parameter TransitGatewayId is not supported: CloudStack has no transit gateways.")
        }
        if input.vpnConcentratorId != nil {
            throw EC2Error.unsupportedOperation("The parameter VpnConcentratorId is not supported: CloudStack has no VPN concentrators.")
        }
        guard let gateway = input.vpnGatewayId, !gateway.isEmpty else { throw EC2Error.missingParameter("VpnGatewayId") }
        _ = try EC2ID.parse(gateway, as: .vpnGateway)
        if let storage = input.preSharedKeyStorage, storage != "Standard" {
            throw EC2Error.unsupportedOperation(
                "The parameter PreSharedKeyStorage is not supported: CloudStack keeps the key with the customer gateway.")
        }
        let tags = try TagSpecification.tags(input.tagSpecifications, for: "vpn-connection", allowed: ["vpn-connection"])
        if !tags.isEmpty {
            throw EC2Error.unsupportedOperation("The parameter TagSpecification is not supported: VPN connections are not taggable here.")
        }
        try input.options?.validate()
    }

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let customerID = try EC2ID.parse(input.customerGatewayId ?? "", as: .customerGateway)
        let gateway = try await VpnGatewayLookup.view(input.vpnGatewayId, in: context)
        guard let gatewayUUID = gateway.cloudStackID else {
            throw EC2Error(
                code: "IncorrectState",
                message: "The VPN gateway '\(gateway.vpnGatewayId)' is not attached to \(gateway.vpcId): "
                    + "CloudStack's VPN gateway exists only while attached (AttachVpnGateway).")
        }
        let customerContext = ErrorContext.ids(.customerGateway, [customerID.description])
        let customers = try await context.list(
            CommandTable.listVpnCustomerGateways, ["id": customerID.cloudStackUUID], context: customerContext)
        guard let customer = customers.first(where: { $0.id == customerID.cloudStackUUID }) else {
            throw EC2Error.notFound(.customerGateway, ids: [customerID.description])
        }
        let vpcUUID = try EC2ID.parse(gateway.vpcId, as: .vpc).cloudStackUUID
        let existing = try await context.list(CommandTable.listVpnConnections, ["vpcid": vpcUUID])
        if let same = existing.first(where: { $0.s2scustomergatewayid == customerID.cloudStackUUID }),
            let id = same.id.flatMap({ EC2ID(kind: .vpnConnection, cloudStackUUID: $0) })
        {
            throw EC2Error.invalidParameterValue(
                "CloudStack holds one VPN connection per VPN gateway and customer gateway: \(id) already connects "
                    + "\(gateway.vpnGatewayId) to \(customerID).")
        }
        let receipt = try await context.submit(
            CommandTable.createVpnConnection, ["s2svpngatewayid": gatewayUUID, "s2scustomergatewayid": customerID.cloudStackUUID])
        guard let uuid = receipt.id else { throw EC2Error.internalError() }
        var started = VpnConnection()
        started.id = uuid
        started.s2svpngatewayid = gatewayUUID
        started.s2scustomergatewayid = customerID.cloudStackUUID
        started.cidrlist = customer.cidrlist
        started.state = "Pending"
        started.publicip = gateway.publicIP
        guard let view = VpnConnectionView(started, vpcByGateway: [gatewayUUID: vpcUUID]) else { throw EC2Error.internalError() }
        return Output(vpnConnection: view)
    }
}
