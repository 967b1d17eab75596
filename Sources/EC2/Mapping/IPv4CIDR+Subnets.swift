/// What VPCs and subnets need of a CIDR: containment, overlap, size, gateway and netmask, and the
/// smallest prefix covering several (the synthetic default VPC's `cidrBlock`).
extension IPv4CIDR {
    /// The mask of a prefix length (0...32).
    static func mask(_ bits: Int) -> UInt32 { bits <= 0 ? 0 : ~UInt32(0) << UInt32(32 - min(bits, 32)) }

    /// Dotted-quad text of an address.
    static func dotted(_ address: UInt32) -> String {
        "\(address >> 24).\(address >> 16 & 0xFF).\(address >> 8 & 0xFF).\(address & 0xFF)"
    }

    /// Whether the text is a network address: no host bits set (EC2 refuses `10.0.0.1/16` as a VPC or subnet CIDR).
    static func isNetwork(_ text: String) -> Bool {
        guard let (address, bits) = parse(text) else { return false }
        return address & ~mask(bits) == 0
    }

    /// Whether `inner` lies inside `outer`.
    static func contains(_ outer: String, _ inner: String) -> Bool {
        guard let (x, xBits) = parse(outer), let (y, yBits) = parse(inner), yBits >= xBits else { return false }
        return x & mask(xBits) == y & mask(xBits)
    }

    /// Whether two CIDRs share an address.
    static func overlaps(_ a: String, _ b: String) -> Bool {
        guard let (x, xBits) = parse(a), let (y, yBits) = parse(b) else { return false }
        let common = mask(min(xBits, yBits))
        return x & common == y & common
    }

    /// How many addresses the block holds (1 to 2^32).
    static func size(_ text: String) -> Int64? {
        guard let (_, bits) = parse(text) else { return nil }
        return Int64(1) << Int64(32 - bits)
    }

    /// CloudStack's `gateway` (the first host, which the VPC router takes, as EC2's `.1`) and `netmask`.
    static func gatewayAndNetmask(_ text: String) -> (gateway: String, netmask: String)? {
        guard let (address, bits) = parse(text), bits <= 30 else { return nil }
        let network = address & mask(bits)
        return (dotted(network + 1), dotted(mask(bits)))
    }

    /// The smallest block covering every CIDR given (nil for none or an invalid one).
    static func covering(_ blocks: [String]) -> String? {
        var parsed: [(UInt32, Int)] = []
        for block in blocks {
            guard let value = parse(block) else { return nil }
            parsed.append(value)
        }
        guard let first = parsed.first else { return nil }
        var bits = parsed.map(\.1).min() ?? first.1
        while bits > 0 && !parsed.allSatisfy({ $0.0 & mask(bits) == first.0 & mask(bits) }) { bits -= 1 }
        return dotted(first.0 & mask(bits)) + "/\(bits)"
    }
}
