import CloudStack
import Crypto

/// `CreateCustomerGateway` [listVpnCustomerGateways, createVpnCustomerGateway]: the remote end of a
/// site-to-site VPN, `cgw-` + the CloudStack gateway's hex. As on EC2, an existing gateway with the same
/// address is answered again (CloudStack holds one per address). CloudStack needs more than EC2 gives
/// (decision 0009 §8): the peer CIDR list starts as `192.0.2.0/32` (TEST-NET-1, routed nowhere) until
/// connection routes name the customer's networks, the pre-shared key is 32 random hex digits, IKE and ESP
/// `aes128-sha256;modp2048`. `DeviceName` is CloudStack's `name`. CloudStack's VPN routes statically:
/// a `BgpAsn` other than EC2's default 65000, `BgpAsnExtended` and `CertificateArn` are refused.
enum CreateCustomerGateway: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let type: String?
        let ipAddress: String?
        let publicIp: String?
        let bgpAsn: Int?
        let bgpAsnExtended: Int64?
        let certificateArn: String?
        let deviceName: String?
        let tagSpecifications: [TagSpecification]?
        enum CodingKeys: String, CodingKey {
            case type = "Type"
            case ipAddress = "IpAddress"
            case publicIp = "PublicIp"
            case bgpAsn = "BgpAsn"
            case bgpAsnExtended = "BgpAsnExtended"
            case certificateArn = "CertificateArn"
            case deviceName = "DeviceName"
            case tagSpecifications = "TagSpecification"
        }
    }

    /// The result.
    struct Output: TemplateModel {
        let customerGateway: CustomerGatewayView
        static let templateFields: TemplateFields<Self> = ["customerGateway": .object(\.customerGateway)]
    }

    static let name = "CreateCustomerGateway"
    /// The peer CIDR list of a gateway no connection route has named yet.
    static let placeholderCIDR = "192.0.2.0/32"
    /// The IKE and ESP policy CloudStack is given.
    static let policy = "aes128-sha256;modp2048"

    static func validate(_ input: Input) throws(EC2Error) {
        guard let type = input.type, !type.isEmpty else { throw EC2Error.missingParameter("Type") }
        guard type == "ipsec.1" else {
            throw EC2Error.invalidParameterValue("Value (\(XMLSafeName.clip(type))) for parameter type is invalid. Expecting ipsec.1.")
        }
        if let a = input.ipAddress, let b = input.publicIp, a != b {
            throw EC2Error.invalidParameterCombination("IpAddress and PublicIp must be the same address.")
        }
        guard let address = input.ipAddress ?? input.publicIp, !address.isEmpty else { throw EC2Error.missingParameter("IpAddress") }
        guard IPv4CIDR.isValid(address + "/32") else {
            throw EC2Error.invalidParameterValue("Value (\(XMLSafeName.clip(address))) for parameter ipAddress is invalid.")
        }
        if let asn = input.bgpAsn, asn != 65000 {
            throw EC2Error.unsupportedOperation(
                "The parameter BgpAsn is not supported: CloudStack site-to-site VPN routes statically (no BGP).")
        }
        if input.bgpAsnExtended != nil {
            throw EC2Error.unsupportedOperation("The parameter BgpAsnExtended is not supported: CloudStack site-to-site VPN has no BGP.")
        }
        if input.certificateArn != nil {
            throw EC2Error.unsupportedOperation("The parameter CertificateArn is not supported: CloudStack VPN peers use pre-shared keys.")
        }
        if let name = input.deviceName, name.isEmpty || name.utf8.count > 255 {
            throw EC2Error.invalidParameterValue("Value for parameter deviceName is invalid: 1 to 255 characters.")
        }
        let tags = try TagSpecification.tags(input.tagSpecifications, for: "customer-gateway", allowed: ["customer-gateway"])
        if !tags.isEmpty {
            throw EC2Error.unsupportedOperation("The parameter TagSpecification is not supported: customer gateways are not taggable here.")
        }
    }

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let address = input.ipAddress ?? input.publicIp ?? ""
        let existing = try await context.list(CommandTable.listVpnCustomerGateways)
        if let same = existing.first(where: { $0.gateway == address }), let view = CustomerGatewayView(same) {
            return Output(customerGateway: view)
        }
        var parameters: Parameters = [
            "gateway": address, "cidrlist": placeholderCIDR, "ipsecpsk": Hex.encode(SecureRandom.bytes(16)), "ikepolicy": policy,
            "esppolicy": policy,
        ]
        if let name = input.deviceName { parameters["name"] = name }
        let gateway = try await context.run(CommandTable.createVpnCustomerGateway, parameters)
        guard let view = CustomerGatewayView(gateway) else { throw EC2Error.internalError() }
        return Output(customerGateway: view)
    }
}
