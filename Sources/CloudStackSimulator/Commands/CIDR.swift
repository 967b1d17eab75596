/// IPv4 CIDR validation (`NetUtils.isValidIp4Cidr`).
enum CIDR {
    static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let bits = Int(parts[1]), (0...32).contains(bits) else { return false }
        return isValidAddress(String(parts[0]))
    }

    static func isValidAddress(_ text: String) -> Bool {
        let octets = text.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets.allSatisfy { o in Int(o).map { (0...255).contains($0) && o.count <= 3 } ?? false }
    }
}

extension CIDR {
    /// Whether two valid IPv4 CIDRs share an address (`NetUtils.isNetworksOverlap`).
    static func overlaps(_ a: String, _ b: String) -> Bool {
        guard let (x, xBits) = range(a), let (y, yBits) = range(b) else { return false }
        let bits = min(xBits, yBits)
        let mask: UInt32 = bits == 0 ? 0 : ~UInt32(0) << UInt32(32 - bits)
        return x & mask == y & mask
    }

    /// Whether `inner` lies inside `outer` (`NetUtils.isNetworkAWithinNetworkB`).
    static func contains(_ outer: String, _ inner: String) -> Bool {
        guard let (x, xBits) = range(outer), let (y, yBits) = range(inner), yBits >= xBits else { return false }
        let mask: UInt32 = xBits == 0 ? 0 : ~UInt32(0) << UInt32(32 - xBits)
        return x & mask == y & mask
    }

    /// A netmask: four octets whose set bits are contiguous from the top (`NetUtils.isValidIp4Netmask`).
    static func isValidNetmask(_ text: String) -> Bool {
        guard isValidAddress(text) else { return false }
        let value = text.split(separator: ".").reduce(UInt32(0)) { $0 << 8 | UInt32(UInt8($1) ?? 0) }
        return value == 0 || (~value) & (~value &+ 1) == 0
    }

    /// The network CIDR of a gateway and netmask (`NetUtils.getCidrFromGatewayAndNetmask`).
    static func network(gateway: String, netmask: String) -> String {
        let address = gateway.split(separator: ".").reduce(UInt32(0)) { $0 << 8 | UInt32(UInt8($1) ?? 0) }
        let mask = netmask.split(separator: ".").reduce(UInt32(0)) { $0 << 8 | UInt32(UInt8($1) ?? 0) }
        let network = address & mask
        return "\(network >> 24).\(network >> 16 & 0xFF).\(network >> 8 & 0xFF).\(network & 0xFF)/\(mask.nonzeroBitCount)"
    }

    private static func range(_ text: String) -> (UInt32, Int)? {
        guard isValid(text) else { return nil }
        let parts = text.split(separator: "/")
        guard parts.count == 2, let bits = Int(parts[1]) else { return nil }
        var value: UInt32 = 0
        for octet in parts[0].split(separator: ".") { value = value << 8 | UInt32(UInt8(octet) ?? 0) }
        return (value, bits)
    }
}
