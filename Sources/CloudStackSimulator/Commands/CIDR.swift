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

    private static func range(_ text: String) -> (UInt32, Int)? {
        guard isValid(text) else { return nil }
        let parts = text.split(separator: "/")
        guard parts.count == 2, let bits = Int(parts[1]) else { return nil }
        var value: UInt32 = 0
        for octet in parts[0].split(separator: ".") { value = value << 8 | UInt32(UInt8(octet) ?? 0) }
        return (value, bits)
    }
}
