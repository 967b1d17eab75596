/// IPv4 CIDR text as EC2 takes it (`10.0.0.0/16`), and as CloudStack's `NetUtils.isValidIp4Cidr` does.
enum IPv4CIDR {
    /// Four decimal octets, `/`, and a prefix length of 0 to 32.
    static func isValid(_ text: String) -> Bool { parse(text) != nil }

    /// The address and prefix length.
    static func parse(_ text: String) -> (address: UInt32, bits: Int)? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].count <= 2, let bits = Int(parts[1]), (0...32).contains(bits) else { return nil }
        let octets = parts[0].split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4 else { return nil }
        var address: UInt32 = 0
        for octet in octets {
            guard (1...3).contains(octet.count), octet.allSatisfy(\.isASCII), let value = UInt8(octet) else { return nil }
            address = address << 8 | UInt32(value)
        }
        return (address, bits)
    }

    /// The text with the host bits cleared, as EC2 stores a route's destination.
    static func normalised(_ text: String) -> String {
        guard let (address, bits) = parse(text) else { return text }
        let mask: UInt32 = bits == 0 ? 0 : ~UInt32(0) << UInt32(32 - bits)
        let network = address & mask
        return "\(network >> 24).\(network >> 16 & 0xFF).\(network >> 8 & 0xFF).\(network & 0xFF)/\(bits)"
    }
}
