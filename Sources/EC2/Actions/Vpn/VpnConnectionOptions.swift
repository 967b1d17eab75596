/// CreateVpnConnection's `Options` (botocore `VpnConnectionOptionsSpecification`). A CloudStack connection is
/// one IPsec tunnel from the VPC router's source NAT address, routed statically between the VPC's CIDR and the
/// customer gateway's peer CIDRs, with the customer gateway's IKE/ESP settings: only what says exactly that
/// is accepted; everything else is refused naming the member (decision 0009 §8).
struct VpnConnectionOptions: Decodable, Sendable {
    let staticRoutesOnly: Bool?
    let enableAcceleration: Bool?
    let tunnelInsideIpVersion: String?
    let outsideIpAddressType: String?
    let tunnelBandwidth: String?
    let localIpv4NetworkCidr: String?
    let remoteIpv4NetworkCidr: String?
    let localIpv6NetworkCidr: String?
    let remoteIpv6NetworkCidr: String?
    let transportTransitGatewayAttachmentId: String?
    /// Read as names (`1.PreSharedKey`, …), not a list, so a refusal names the member as it was sent.
    let tunnelOptions: MemberNames?
    enum CodingKeys: String, CodingKey {
        case staticRoutesOnly = "StaticRoutesOnly"
        case enableAcceleration = "EnableAcceleration"
        case tunnelInsideIpVersion = "TunnelInsideIpVersion"
        case outsideIpAddressType = "OutsideIpAddressType"
        case tunnelBandwidth = "TunnelBandwidth"
        case localIpv4NetworkCidr = "LocalIpv4NetworkCidr"
        case remoteIpv4NetworkCidr = "RemoteIpv4NetworkCidr"
        case localIpv6NetworkCidr = "LocalIpv6NetworkCidr"
        case remoteIpv6NetworkCidr = "RemoteIpv6NetworkCidr"
        case transportTransitGatewayAttachmentId = "TransportTransitGatewayAttachmentId"
        case tunnelOptions = "TunnelOptions"
    }

    /// Refuses what a CloudStack connection cannot be.
    func validate() throws(EC2Error) {
        if staticRoutesOnly == false {
            throw refused("StaticRoutesOnly", "CloudStack site-to-site VPN routes statically (no BGP); send true")
        }
        if enableAcceleration == true { throw refused("EnableAcceleration", "CloudStack has no accelerated VPN") }
        if let version = tunnelInsideIpVersion, version != "ipv4" {
            throw refused("TunnelInsideIpVersion", "CloudStack's tunnel carries IPv4 only")
        }
        if let type = outsideIpAddressType, type != "PublicIpv4" {
            throw refused("OutsideIpAddressType", "the tunnel's outside address is the VPC router's public source NAT address")
        }
        if let bandwidth = tunnelBandwidth, bandwidth != "standard" {
            throw refused("TunnelBandwidth", "CloudStack has no tunnel bandwidth classes")
        }
        let networks = "CloudStack's tunnel joins the VPC's CIDR to the customer gateway's peer CIDRs"
        if localIpv4NetworkCidr != nil { throw refused("LocalIpv4NetworkCidr", networks) }
        if remoteIpv4NetworkCidr != nil { throw refused("RemoteIpv4NetworkCidr", networks) }
        if localIpv6NetworkCidr != nil { throw refused("LocalIpv6NetworkCidr", "CloudStack's tunnel carries IPv4 only") }
        if remoteIpv6NetworkCidr != nil { throw refused("RemoteIpv6NetworkCidr", "CloudStack's tunnel carries IPv4 only") }
        if transportTransitGatewayAttachmentId != nil {
            throw refused("TransportTransitGatewayAttachmentId", "CloudStack has no transit gateways")
        }
        if let member = tunnelOptions?.names.first {
            throw refused(
                "TunnelOptions.\(XMLSafeName.clip(member))",
                "a CloudStack connection is one tunnel whose IKE/ESP settings are the customer gateway's")
        }
    }

    private func refused(_ member: String, _ why: String) -> EC2Error {
        EC2Error.unsupportedOperation("The parameter Options.\(member) is not supported: \(why).")
    }
}

/// The wire names of every member under one prefix, read so the decoder accepts them, kept to be refused by name.
struct MemberNames: Decodable, Sendable {
    /// Dotted names below the prefix, sorted.
    let names: [String]

    private struct Key: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        var names: [String] = []
        for key in container.allKeys.sorted(by: { $0.stringValue.utf8.lexicographicallyPrecedes($1.stringValue.utf8) }) {
            if (try? container.decodeIfPresent(String.self, forKey: key)) != nil {
                names.append(key.stringValue)
            } else {
                names += try container.decode(MemberNames.self, forKey: key).names.map { key.stringValue + "." + $0 }
            }
        }
        self.names = names
    }
}
