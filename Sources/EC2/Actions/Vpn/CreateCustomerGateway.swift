import CloudStack
import Crypto

/// `CreateCustomerGateway` [listVpnCustomerGateways, createVpnCustomerGateway]: the remote end of a
/// site-to-site VPN, `cgw-` + the CloudStack gateway's hex. As on EC2, an existing gateway with the same
/// address is answered again (CloudStack holds one per address). CloudStack needs more than EC2 gives
/// (decision 0009 §8): the peer CIDR list starts as a placeholder /32 of RFC 5737's documentation ranges (routed
/// nowhere), a different one per gateway so that one VPN gateway can connect to several (CloudStack refuses
/// overlapping peers), until CloudStack is given the customer's networks; the pre-shared key is 32 random hex digits, IKE and ESP
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
    /// The documentation ranges (RFC 5737: TEST-NET-1, -2, -3) whose /32s are the placeholder peer CIDRs.
    static let placeholderNetworks = ["192.0.2.", "198.51.100.", "203.0.113."]

    /// Whether `cidr` is a placeholder peer CIDR: a /32 in a documentation range, which no real peer network is.
    static func isPlaceholder(_ cidr: Substring) -> Bool {
        guard cidr.hasSuffix("/32"), let network = placeholderNetworks.first(where: { cidr.hasPrefix($0) }) else { return false }
        let host = cidr.dropFirst(network.count).dropLast(3)
        return host.count <= 3 && UInt8(host) != nil
    }

    /// The first placeholder /32 no CIDR in `used` holds, or nil when all 768 are taken.
    static func placeholder(avoiding used: Set<Substring>) -> String? {
        for network in placeholderNetworks {
            for host in 0...255 {
                let cidr = "\(network)\(host)/32"
                if !used.contains(Substring(cidr)) { return cidr }
            }
        }
        return nil
    }
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
        let used = Set(existing.flatMap { ($0.cidrlist ?? "").split(separator: ",").map { $0.filter { $0 != " " }[...] } })
        guard let placeholder = placeholder(avoiding: used) else {
            throw EC2Error(
                code: "CustomerGatewayLimitExceeded",
                message: "The maximum number of customer gateways made here (\(placeholderNetworks.count * 256)) has been reached.")
        }
        var parameters: Parameters = [
            "gateway": address, "cidrlist": placeholder, "ipsecpsk": Hex.encode(SecureRandom.bytes(16)), "ikepolicy": policy,
            "esppolicy": policy,
        ]
        if let name = input.deviceName { parameters["name"] = name }
        let gateway = try await context.run(CommandTable.createVpnCustomerGateway, parameters)
        guard let view = CustomerGatewayView(gateway) else { throw EC2Error.internalError() }
        return Output(customerGateway: view)
    }
}
