/// The IPv4 CIDR rules EC2 applies to a VPC's or subnet's `CidrBlock`: a network address (no host
/// bits) with a prefix from /16 to /28.
enum VpcCIDR {
    /// EC2's smallest and largest VPC and subnet blocks.
    static let prefixes = 16...28

    /// `InvalidParameterValue` for text that is not a network CIDR, `range` (EC2's `InvalidVpc.Range` or
    /// `InvalidSubnet.Range`) for a prefix outside /16 to /28.
    static func check(_ cidr: String, member: String, range: String) throws(EC2Error) {
        guard let (_, bits) = IPv4CIDR.parse(cidr), IPv4CIDR.isNetwork(cidr) else {
            throw EC2Error.invalidParameterValue(
                "Value (\(XMLSafeName.clip(cidr))) for parameter \(member) is invalid. This is not a valid CIDR block.")
        }
        guard prefixes.contains(bits) else { throw EC2Error(code: range, message: "The CIDR '\(cidr)' is invalid.") }
    }
}
