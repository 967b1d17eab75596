/// An IPv4 prefix as GCE writes `ipCidrRange` (`10.0.1.0/24`), with the arithmetic subnetworks and `networkIP` need.
struct IPv4Range: Sendable, Equatable {
    /// The first address (host bits cleared).
    let base: UInt32
    /// The prefix length, 0-32.
    let bits: Int

    /// Four decimal octets of at most three digits each.
    static func address(_ text: String) -> UInt32? {
        let octets = text.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4 else { return nil }
        var value: UInt32 = 0
        for octet in octets {
            guard (1...3).contains(octet.count), octet.allSatisfy({ $0.isASCII && $0.isNumber }), let byte = UInt8(octet) else {
                return nil
            }
            value = value << 8 | UInt32(byte)
        }
        return value
    }

    /// The dotted quad of `value`.
    static func text(_ value: UInt32) -> String { "\(value >> 24).\(value >> 16 & 0xFF).\(value >> 8 & 0xFF).\(value & 0xFF)" }

    /// `a.b.c.d/n`; nil unless the host bits are clear (GCE refuses `10.0.1.5/24` as a range too).
    init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[1].count), parts[1].allSatisfy(\.isNumber), let bits = Int(parts[1]),
            (0...32).contains(bits), let address = Self.address(String(parts[0]))
        else { return nil }
        let mask = Self.mask(bits)
        guard address & mask == address else { return nil }
        self.base = address
        self.bits = bits
    }

    private static func mask(_ bits: Int) -> UInt32 { bits == 0 ? 0 : ~UInt32(0) << UInt32(32 - bits) }

    /// The netmask in dotted form (CloudStack's `netmask`).
    var netmask: String { Self.text(Self.mask(bits)) }
    /// The first usable host, which GCE and the bridge use as the gateway (CloudStack's `gateway`).
    var firstHost: String { Self.text(base &+ 1) }
    /// The range as text.
    var text: String { Self.text(base) + "/" + String(bits) }

    /// Whether `address` lies in the range.
    func contains(address: UInt32) -> Bool { address & Self.mask(bits) == base }
    /// Whether every address of `other` lies in the range.
    func contains(_ other: IPv4Range) -> Bool { other.bits >= bits && contains(address: other.base) }
    /// Whether the two ranges share an address.
    func overlaps(_ other: IPv4Range) -> Bool { contains(address: other.base) || other.contains(address: base) }
}
