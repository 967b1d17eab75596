import Crypto

/// GCE's numeric `id`s (uint64, written as decimal strings), derived from CloudStack UUIDs.
///
/// The first 63 bits of SHA-256 of the UUID: stable across restarts and instances, never 0, and fits the
/// `[1-9][0-9]{0,19}` pattern that clients accept in place of a name.
public enum ResourceID {
    /// The numeric id of a CloudStack UUID (or any stable key).
    public static func of(_ uuid: String) -> UInt64 {
        let digest = Digest.hash(.sha256, uuid)
        var value: UInt64 = 0
        for byte in digest.prefix(8) { value = value << 8 | UInt64(byte) }
        value &= 0x7FFF_FFFF_FFFF_FFFF
        return value == 0 ? 1 : value
    }

    /// The id as GCE writes it: a decimal string.
    public static func string(_ uuid: String) -> String { String(of(uuid)) }

    /// Whether a path segment is a numeric id rather than a name.
    public static func isNumeric<S: StringProtocol>(_ segment: S) -> Bool {
        guard let first = segment.utf8.first, first != UInt8(ascii: "0") else { return false }
        return segment.utf8.count <= 20 && segment.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }
}
