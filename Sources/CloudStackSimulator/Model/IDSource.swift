import Crypto

/// Deterministic UUIDs: SHA-256 of the seed and a counter, laid out as a version-4 UUID.
///
/// Deterministic so that seeded clouds, tests and `stackbridge demo` are reproducible.
struct IDSource: Sendable {
    private let seed: String
    private var counter: UInt64 = 0

    init(seed: String) { self.seed = seed }

    /// The next UUID.
    mutating func next() -> String {
        counter += 1
        return IDSource.uuid(Digest.hash(.sha256, seed + "/" + String(counter)))
    }

    /// A UUID named by a label rather than the counter, so adding a built-in object to the seed does not
    /// renumber every object after it.
    func named(_ label: String) -> String { IDSource.uuid(Digest.hash(.sha256, seed + "#" + label)) }

    /// The next internal numeric id (CloudStack's database ids, seen in `instancename`).
    mutating func nextNumber() -> UInt64 {
        counter += 1
        return counter
    }

    /// Formats the first 16 bytes as `8-4-4-4-12` hex with version and variant bits set.
    static func uuid(_ digest: [UInt8]) -> String {
        var bytes = Array(digest.prefix(16))
        bytes[6] = bytes[6] & 0x0F | 0x40
        bytes[8] = bytes[8] & 0x3F | 0x80
        let hex = Array(Hex.encode(bytes).utf8)
        var out: [UInt8] = []
        for (i, b) in hex.enumerated() {
            if i == 8 || i == 12 || i == 16 || i == 20 { out.append(UInt8(ascii: "-")) }
            out.append(b)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
