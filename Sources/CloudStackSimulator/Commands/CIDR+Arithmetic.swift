/// IPv4 arithmetic for tiers and NIC addresses (`NetUtils.getCidrFromGatewayAndNetmask`, `isIpWithInCidrRange`).
extension CIDR {
    /// The 32-bit value of a dotted quad, or nil.
    static func value(_ address: String) -> UInt32? {
        guard isValidAddress(address) else { return nil }
        var value: UInt32 = 0
        for octet in address.split(separator: ".") { value = value << 8 | UInt32(UInt8(octet) ?? 0) }
        return value
    }

    /// The dotted quad of a 32-bit value.
    static func text(_ value: UInt32) -> String {
        "\(value >> 24).\(value >> 16 & 0xFF).\(value >> 8 & 0xFF).\(value & 0xFF)"
    }

    /// The prefix length of a contiguous netmask, or nil.
    static func prefixLength(netmask: String) -> Int? {
        guard let mask = value(netmask) else { return nil }
        let bits = mask.nonzeroBitCount
        let expected: UInt32 = bits == 0 ? 0 : ~UInt32(0) << UInt32(32 - bits)
        return mask == expected ? bits : nil
    }

    /// `a.b.c.d/n` with the host bits cleared, for a gateway and netmask.
    static func cidr(gateway: String, netmask: String) -> String? {
        guard let address = value(gateway), let bits = prefixLength(netmask: netmask) else { return nil }
        let mask: UInt32 = bits == 0 ? 0 : ~UInt32(0) << UInt32(32 - bits)
        return text(address & mask) + "/" + String(bits)
    }

    /// The first address and prefix length of a valid CIDR.
    static func bounds(_ cidr: String) -> (base: UInt32, bits: Int)? {
        let parts = cidr.split(separator: "/")
        guard isValid(cidr), parts.count == 2, let address = value(String(parts[0])), let bits = Int(parts[1]) else { return nil }
        let mask: UInt32 = bits == 0 ? 0 : ~UInt32(0) << UInt32(32 - bits)
        return (address & mask, bits)
    }

    /// Whether `address` lies in `cidr`.
    static func contains(_ cidr: String, address: String) -> Bool {
        guard let (base, bits) = bounds(cidr), let value = value(address) else { return false }
        let mask: UInt32 = bits == 0 ? 0 : ~UInt32(0) << UInt32(32 - bits)
        return value & mask == base
    }

    /// Whether every address of `inner` lies in `outer`.
    static func contains(_ outer: String, cidr inner: String) -> Bool {
        guard let (_, outerBits) = bounds(outer), let (innerBase, innerBits) = bounds(inner) else { return false }
        return innerBits >= outerBits && contains(outer, address: text(innerBase))
    }
}
